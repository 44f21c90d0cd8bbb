// The validators and rule tables: synchronous calls into wasm. A module of its own, with its
// own registration, so that an entry can offer them without the client. And the validators
// as Standard Schemas (standardschema.dev), for form and server libraries.
import { UNAVAILABLE } from "./closed.js";
import { keeps, unregistered } from "./engine.js";
import { EipError } from "./error.js";

let wasm;
let ready = unregistered;

/** For entries, through api.js: the wasm bindings and `ready` (engine.js). */
export default function useValidators(bindings, readiness) {
  if (keeps(ready, readiness)) return;
  wasm = bindings;
  ready = readiness;
}

function call(name, args) {
  if (!ready.isReady()) {
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
export function fieldRules(...args) { return call("fieldRules", args); }
export function regions(...args) { return call("regions", args); }

/** A string option, or undefined (an unreadable options object reads as none). */
function option(options, key) {
  try {
    const value = options?.[key];
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The `unavailable` issue: the module is not initialised yet (or, a bug, failed). */
function unavailable(locale, message) {
  const sentences = /^zh(?:[-_]|$)/i.test(locale?.trim() ?? "") ? UNAVAILABLE["zh-CN"] : UNAVAILABLE.en;
  return { issues: [{ ...sentences, ...(message && { message, short: message }), code: "unavailable", severity: "error", params: {} }] };
}

/**
 * `operation`'s body as a Standard Schema, with `locale` and `region` bound. `validate` never
 * throws: before the module is initialised it answers an `unavailable` issue.
 */
function schema(operation, locale, region) {
  const validate = (value) => {
    if (!ready.isReady()) return unavailable(locale);
    try {
      return wasm.standardValidate(operation, value, { locale, region }) ?? unavailable(locale, "eipkit could not validate this value");
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
