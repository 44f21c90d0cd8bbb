// `eipkit/validate` for Cloudflare workerd: the .wasm imported as a compiled module, instantiated at import.
import module from "../../pkg/validate/eipkit_validate_bg.wasm";
import * as wasm from "../../pkg/validate/eipkit_validate.js";
import { alreadyReady } from "../engine.js";
import useValidators from "../validators.js";

wasm.initSync({ module });
useValidators(wasm, alreadyReady, { forms: true }); // the entry's side effect: package.json "sideEffects" lists it

export * from "../validators.js";
export { EipError } from "../error.js";

/** Nothing to do in workerd; here so code written for browsers runs unchanged. */
export async function init() {}
