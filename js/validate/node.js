// `eipkit/validate` for Node (ESM; node.cjs for require): instantiated at import, as the main entry.
import { readFileSync } from "node:fs";
import * as wasm from "../../pkg/validate/eipkit_validate.js";
import { alreadyReady } from "../engine.js";
import useValidators from "../validators.js";

wasm.initSync({ module: readFileSync(new URL("../../pkg/validate/eipkit_validate_bg.wasm", import.meta.url)) });
useValidators(wasm, alreadyReady, { forms: true }); // the entry's side effect: package.json "sideEffects" lists it

export * from "../validators.js";
export { EipError } from "../error.js";

/** Nothing to do in Node; here so code written for browsers runs unchanged. */
export async function init() {}
