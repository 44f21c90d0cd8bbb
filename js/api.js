// The public API shared by every runtime's entry, given the instantiated wasm bindings and
// a `ready` function (with `ready.isReady()`) that says when they are usable.
import { createClientApi } from "./client.js";
export { EipError } from "./error.js";

export function createApi(wasm, ready) {
  const { validateCreatePublicip, validateCreatePrepaidPublicip, validateUpdatePublicip } = wasm;
  return { validateCreatePublicip, validateCreatePrepaidPublicip, validateUpdatePublicip, ...createClientApi(wasm, ready) };
}
