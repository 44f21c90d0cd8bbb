// `ready`, registered by an entry with the wasm bindings: `await ready()` makes the module
// usable (instantiating it if need be); `ready.isReady()` says whether it already is.
import { EipError } from "./error.js";

/** For entries that instantiate at import. */
export const alreadyReady = /* @__PURE__ */ Object.assign(async () => {}, { isReady: () => true });

/** Until an entry registers (an API module imported by path). */
export const unregistered = /* @__PURE__ */ Object.assign(
  async () => {
    throw new EipError({ kind: "validation", message: "eipkit is not initialised: import it through its package entry" });
  },
  { isReady: () => false },
);

/** A ready engine stays over one that is not: two entries in one app (Node's, "eipkit/web") share the API. */
export const keeps = (current, next) => current.isReady() && !next.isReady();

/**
 * `init(source?)` and `ready` for entries that instantiate on demand (browsers, bundlers, Deno):
 * calls of `init` share one promise; after a failure, the next call tries again. `source`: a
 * URL, Response, bytes or WebAssembly.Module (default: the .wasm beside the glue).
 */
export function onDemand(initWasm) {
  let initialising;
  let initialised = false;
  const init = (source) => {
    initialising ??= initWasm(source === undefined ? undefined : { module_or_path: source }).then(
      () => {
        initialised = true;
      },
      (error) => {
        initialising = undefined; // a failed init can be retried
        throw error;
      },
    );
    return initialising;
  };
  return { init, ready: Object.assign(() => init(), { isReady: () => initialised }) };
}
