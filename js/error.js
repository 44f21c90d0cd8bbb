// EipError: every failure of the client, with structured fields (README.md, "The client";
// declared in index.d.ts). A real Error subclass, so `instanceof Error`, stack traces and `cause` work as users expect.

import { ERROR_KINDS } from "./closed.js";

const KINDS = new Set(ERROR_KINDS);

export class EipError extends Error {
  /**
   * @param {{ kind: string, message: string, operation?: string, status?: number, code?: string,
   *           requestId?: string, issues?: object[], retryable?: boolean, cleanup?: object }} fields
   * @param {{ cause?: unknown }} [options]
   */
  constructor(fields, options) {
    super(fields.message, options);
    this.name = "EipError";
    this.kind = KINDS.has(fields.kind) ? fields.kind : "network";
    this.operation = fields.operation;
    if (fields.status !== undefined) this.status = fields.status;
    if (fields.code !== undefined) this.code = fields.code;
    if (fields.requestId !== undefined) this.requestId = fields.requestId;
    if (fields.issues !== undefined) this.issues = fields.issues;
    if (fields.cleanup !== undefined) this.cleanup = fields.cleanup;
    this.retryable = fields.retryable === true;
    // The brand the wasm engine looks for, so an EipError passing through it (say, from the
    // IAM token provider) stays as it is. Not enumerable: it is not part of the error's data.
    Object.defineProperty(this, "__eipkit", { value: true });
  }

  /** The fields as a plain object (what `JSON.stringify` shows). */
  toJSON() {
    const { name, kind, operation, status, code, message, requestId, issues, retryable, cleanup } = this;
    return { name, kind, operation, status, code, message, requestId, issues, retryable, cleanup };
  }

  /**
   * Wraps anything thrown inside eipkit as an EipError. Never throws itself: the value may be
   * anything a caller's callback rejected with (a revoked proxy, an object whose getters throw).
   */
  static from(thrown, operation) {
    const read = (key) => {
      try {
        return thrown?.[key];
      } catch {
        return undefined;
      }
    };
    try {
      if (thrown instanceof EipError) return thrown;
    } catch {
      // a proxy whose getPrototypeOf trap throws: not ours
    }
    if (read("__eipkit") === true) {
      const fields = {};
      for (const key of ["kind", "message", "operation", "status", "code", "requestId", "issues", "retryable", "cleanup"]) {
        fields[key] = read(key);
      }
      if (typeof fields.message !== "string") fields.message = "unreadable error";
      return new EipError(fields);
    }
    // Not eipkit's own failure: a bug, an exotic runtime error, a caller's callback. Keep it as the cause.
    let message;
    try {
      message = thrown instanceof Error ? String(read("message")) : String(thrown);
    } catch {
      message = "unreadable error";
    }
    return new EipError({ kind: "network", message, operation, retryable: false }, { cause: thrown });
  }
}
