// The public API shared by every runtime's entry, given the instantiated wasm bindings and
// a `ready` function (with `ready.isReady()`) that says when they are usable.
import { createClientApi } from "./client.js";
import { EipError } from "./error.js";
export { EipError } from "./error.js";

export function createApi(wasm, ready) {
  /** A synchronous export, usable once the module is instantiated. */
  const sync = (name) => (...args) => {
    if (!ready.isReady()) {
      throw new EipError({ kind: "validation", message: `eipkit is not initialised: await init() before calling ${name}`, operation: name });
    }
    try {
      return wasm[name](...args);
    } catch (thrown) {
      throw EipError.from(thrown, name);
    }
  };
  return {
    validateCreatePublicip: sync("validateCreatePublicip"),
    validateCreatePrepaidPublicip: sync("validateCreatePrepaidPublicip"),
    validateUpdatePublicip: sync("validateUpdatePublicip"),
    fieldRules: sync("fieldRules"),
    regions: sync("regions"),
    ...createClientApi(wasm, ready),
  };
}
