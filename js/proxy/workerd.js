// `eipkit/proxy` for Cloudflare workerd: js/workerd.js instantiates the module at import (the
// .wasm imported as a compiled module), and the proxy registers the same bindings.
import * as wasm from "../../pkg/eipkit.js";
import "../workerd.js";
import { alreadyReady } from "../engine.js";
import useProxy from "../proxy.js";

useProxy(wasm, alreadyReady); // the entry's side effect: package.json "sideEffects" lists it

export { createEipProxy, toNodeListener } from "../proxy.js";
