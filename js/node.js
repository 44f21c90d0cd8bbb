// Node entry (ESM; `require("eipkit")` loads it too, through node.cjs): the wasm module is read
// from the package and instantiated synchronously, so every export works at once.
import { readFileSync } from "node:fs";
import * as wasm from "../pkg/eipkit.js";
import { alreadyReady, createApi } from "./api.js";

function instantiate() {
  wasm.initSync({ module: readFileSync(new URL("../pkg/eipkit_bg.wasm", import.meta.url)) });
  return wasm;
}

export { EipError } from "./error.js";
export const {
  validateCreatePublicip,
  validateCreatePrepaidPublicip,
  validateUpdatePublicip,
  fieldRules,
  regions,
  EipClient,
  iamTokenProvider,
  signRequest,
} = createApi(instantiate(), alreadyReady());

/** Nothing to do in Node; here so code written for browsers runs unchanged. */
export async function init() {}
