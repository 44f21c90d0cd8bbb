// `eipkit/proxy` for Deno, browsers and bundlers: js/web.js's `init()` instantiates the module,
// which the handler awaits before its first request (no `init()` to call).
import * as wasm from "../../pkg/eipkit.js";
import { init } from "../web.js";
import useProxy from "../proxy.js";

let initialised = false;
const ready = Object.assign(() => init().then(() => { initialised = true; }), { isReady: () => initialised });
useProxy(wasm, ready); // the entry's side effect: package.json "sideEffects" lists it

export { createEipProxy, toNodeListener } from "../proxy.js";
