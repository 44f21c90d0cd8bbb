// The public API, the same in every runtime: `createApi(wasm, ready)` binds it to instantiated
// wasm bindings, where `await ready()` makes the module usable and `ready.isReady()` says
// whether it is. Each entry (node.js, web.js, workerd.js) exports the result as named
// exports; the exports' initialiser is what instantiates the module, so a bundler that keeps
// any export keeps the instantiation (the package is free of side effects otherwise).
import { createClientApi } from "./client.js";
import { EipError } from "./error.js";

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

/** `ready` for entries that instantiate synchronously. */
export function alreadyReady() {
  const ready = async () => {};
  ready.isReady = () => true;
  return ready;
}
