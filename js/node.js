// Node entry: the wasm module is read from the package and instantiated synchronously at
// import, so every export is usable at once (no init step in Node).
import { readFileSync } from "node:fs";
import { initSync } from "../pkg/eipkit.js";

initSync({ module: readFileSync(new URL("../pkg/eipkit_bg.wasm", import.meta.url)) });

export * from "./api.js";
