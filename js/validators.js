// The validators and rule tables: synchronous calls into wasm. A module of its own, with its
// own registration, so that an entry can offer them without the client.
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
