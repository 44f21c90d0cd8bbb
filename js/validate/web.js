// `eipkit/validate` for browsers, bundlers and Deno: the validators, the rule descriptions and
// the Standard Schemas over a wasm module of their own (no client, fetch or signing), loaded by
// `init()` as the main entry's is.
import initWasm, * as wasm from "../../pkg/validate/eipkit_validate.js";
import { onDemand } from "../engine.js";
import useValidators from "../validators.js";

const engine = onDemand(initWasm);

/** Loads and instantiates the module (calls share one promise; a failed one can be retried). */
export const init = engine.init;

// The entry's side effect: package.json "sideEffects" lists it.
useValidators(wasm, engine.ready, { forms: true });

export * from "../validators.js";
export { EipError } from "../error.js";
