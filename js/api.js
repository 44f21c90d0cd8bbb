// The public API, written once: each entry (node.js, web.js, workerd.js) instantiates the wasm
// module, registers it with `useEngine` and re-exports this module with its own `init`. Free of
// side effects (the entries are the package's "sideEffects"), so bundlers drop unused exports.
import useClient from "./client.js";
import useValidators from "./validators.js";

export * from "./validators.js";
export * from "./client.js";
export { EipError } from "./error.js";

/** For entries. A default export, which `export *` leaves out of the public API. */
export default function useEngine(wasm, ready) {
  useValidators(wasm, ready);
  useClient(wasm, ready);
}
