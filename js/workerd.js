// Cloudflare workerd entry: the .wasm file is imported as a compiled WebAssembly.Module (as
// wrangler and miniflare do for `.wasm` imports) and instantiated synchronously, since workerd
// refuses to compile wasm from bytes at run time.
import module from "../pkg/eipkit_bg.wasm";
import * as wasm from "../pkg/eipkit.js";
import { alreadyReady, createApi } from "./api.js";

function instantiate() {
  wasm.initSync({ module });
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

/** Nothing to do in workerd; here so code written for browsers runs unchanged. */
export async function init() {}
