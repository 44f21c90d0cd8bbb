// Node entry: the wasm module is read from the package and instantiated synchronously at
// import, so every export is usable at once (no init step in Node).
import { readFileSync } from "node:fs";
import * as wasm from "../pkg/eipkit.js";
import { createApi } from "./api.js";

wasm.initSync({ module: readFileSync(new URL("../pkg/eipkit_bg.wasm", import.meta.url)) });

const ready = async () => {};
ready.isReady = () => true;

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
} = createApi(wasm, ready);

/** Node needs no initialisation; `init()` exists so code written for browsers runs here too. */
export async function init() {}
