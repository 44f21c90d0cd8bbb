// `eipkit/proxy` for Node (ESM; `require` loads it through node.cjs): js/node.js instantiates the
// module at import, and the proxy registers the same bindings.
import * as wasm from "../../pkg/eipkit.js";
import "../node.js";
import { alreadyReady } from "../engine.js";
import useProxy from "../proxy.js";

useProxy(wasm, alreadyReady); // the entry's side effect: package.json "sideEffects" lists it

export { createEipProxy, toNodeListener } from "../proxy.js";
