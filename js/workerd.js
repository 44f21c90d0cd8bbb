// Cloudflare workerd entry: the .wasm file is imported as a compiled WebAssembly.Module (as
// wrangler and miniflare do for `.wasm` imports) and instantiated synchronously, since workerd
// refuses to compile wasm from bytes at run time.
import module from "../pkg/eipkit_bg.wasm";
import * as wasm from "../pkg/eipkit.js";
import useEngine from "./api.js";
import { alreadyReady } from "./engine.js";

wasm.initSync({ module });
useEngine(wasm, alreadyReady); // the entry's side effect: package.json "sideEffects" lists it

export * from "./api.js";

/** Nothing to do in workerd; here so code written for browsers runs unchanged. */
export async function init() {}
