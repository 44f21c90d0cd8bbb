// The validators and rule tables: the validators are synchronous calls into wasm; the rule
// descriptions and regions are data generated from the same tables (rules.js), read without
// the wasm. A module of its own, with its own registration, so that an entry can offer them
// without the client. And the validators as Standard Schemas (standardschema.dev), for form
// and server libraries.
import { UNAVAILABLE } from "./closed.js";
import { EipError } from "./error.js";
import { FIELD_RULES, REGIONS } from "./rules.js";

/**
 * Every engine an entry registered: `eipkit`'s and `eipkit/validate`'s hold the same validators,
 * so a page that loads both validates with whichever is ready, `eipkit/validate`'s when both
 * are (it is built for speed, the whole package for size).
 */
const engines = [];

/** For entries: the wasm bindings and `ready` (engine.js); `forms` for eipkit/validate's. */
export default function useValidators(wasm, ready, { forms = false } = {}) {
  if (forms) engines.unshift({ wasm, ready });
  else engines.push({ wasm, ready });
}

/** The wasm bindings of a ready engine, if there is one. */
function readyWasm() {
  return engines.find(({ ready }) => ready.isReady())?.wasm;
}

function call(name, args) {
  const wasm = readyWasm();
  if (!wasm) {
    throw new EipError({ kind: "validation", message: `eipkit is not initialised: await init() before calling ${name}`, operation: name });
  }
  try {
    return wasm[name](...args);
  } catch (thrown) {
    throw EipError.from(thrown, name);
  }
}

export function validateCreatePublicip(...args) { return call("validateCreatePublicip", args); }
export function validateCreatePrepaidPublicip(...args) { return call("validateCreatePrepaidPublicip", args); }
export function validateUpdatePublicip(...args) { return call("validateUpdatePublicip", args); }
const OPERATIONS = Object.keys(FIELD_RULES);

/** Every field of an operation's input with its limits, steps, values and conditions (a fresh copy). */
export function fieldRules(operation) {
  if (typeof operation === "string" && Object.hasOwn(FIELD_RULES, operation)) return structuredClone(FIELD_RULES[operation]);
  const quoted = OPERATIONS.map((name) => `"${name}"`);
  const message = `operation must be one of ${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}.`;
  const issue = { path: "operation", code: "enum", severity: "error", message, params: { allowed: [...OPERATIONS] } };
  throw new EipError({ kind: "validation", message, operation: "fieldRules", issues: [issue] });
}

/** The regions eipkit knows, with the EIP types each offers (a fresh copy). */
export function regions() {
  return structuredClone(REGIONS);
}

/** A string option; unreadable options are none. */
function option(options, key) {
  try {
    const value = options?.[key];
    return typeof value === "string" ? value : undefined;
  } catch {}
}

/** The issue when the module cannot validate: not initialised yet (or, a bug, failed). */
const unavailable = (locale, message = UNAVAILABLE[/^zh(?:[-_]|$)/i.test(locale?.trim()) ? "zh-CN" : "en"]) => ({
  issues: [{ message, short: message, code: "unavailable", severity: "error", params: {} }],
});

/** `operation`'s body as a Standard Schema, `locale` and `region` bound. `validate` never throws. */
function schema(operation, locale, region) {
  const validate = (input) => {
    const wasm = readyWasm();
    if (!wasm) return unavailable(locale);
    try {
      const { ok, issues, value } = wasm.standardValidate(operation, input, { locale, region });
      return ok ? { value } : { issues: issues.map(({ path, keys, ...issue }) => (path ? { ...issue, path: keys } : issue)) };
    } catch (thrown) {
      return unavailable(locale, EipError.from(thrown, operation).message);
    }
  };
  return Object.freeze({
    "~standard": Object.freeze({ version: 1, vendor: "eipkit", validate }),
    with: (options) => schema(operation, option(options, "locale") ?? locale, option(options, "region") ?? region),
  });
}

export const createPublicipSchema = /* @__PURE__ */ schema("createPublicip");
export const createPrepaidPublicipSchema = /* @__PURE__ */ schema("createPrepaidPublicip");
export const updatePublicipSchema = /* @__PURE__ */ schema("updatePublicip");
