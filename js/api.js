// The public API, shared by every runtime's entry once the module is instantiated.
export { validateCreatePublicip, validateCreatePrepaidPublicip, validateUpdatePublicip } from "../pkg/eipkit.js";
