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
    if (!ready.isReady()) return unavailable(locale);
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
