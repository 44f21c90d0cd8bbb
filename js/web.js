// Browser, bundler and Deno entry: the wasm module is fetched from next to the glue (bundlers
// such as Vite follow its `new URL(..., import.meta.url)`) and instantiated by `init()`. Every
// async export calls `init()` itself; the synchronous ones (validators, signRequest) need
// `await init()` first (fieldRules and regions are data: they never do).
import initWasm, * as wasm from "../pkg/eipkit.js";
import useEngine from "./api.js";
import { onDemand } from "./engine.js";

const engine = onDemand(initWasm);

/**
 * Loads and instantiates the wasm module. Safe to call any number of times: calls share one
 * promise (after a failure, the next call tries again). `source` (optional): a URL, Response, bytes or WebAssembly.Module.
 */
export const init = engine.init;

// The entry's side effect: package.json "sideEffects" lists it.
useEngine(wasm, engine.ready);

export * from "./api.js";
