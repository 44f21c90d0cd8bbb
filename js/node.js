// Node entry (ESM; `require("eipkit")` loads it too, through node.cjs): the wasm module is read
// from the package and instantiated synchronously, at import, so every export works at once.
import { readFileSync } from "node:fs";
import * as wasm from "../pkg/eipkit.js";
import useEngine from "./api.js";
import { alreadyReady } from "./engine.js";

wasm.initSync({ module: readFileSync(new URL("../pkg/eipkit_bg.wasm", import.meta.url)) });
useEngine(wasm, alreadyReady); // the entry's side effect: package.json "sideEffects" lists it

export * from "./api.js";

/** Nothing to do in Node; here so code written for browsers runs unchanged. */
export async function init() {}
