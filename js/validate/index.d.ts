// `eipkit/validate`: the validators, the rule descriptions and the Standard Schemas of `eipkit`
// (js/index.d.ts, generated from the core), over a smaller wasm module of their own.
export {
  init,
  validateCreatePublicip,
  validateCreatePrepaidPublicip,
  validateUpdatePublicip,
  fieldRules,
  regions,
  createPublicipSchema,
  createPrepaidPublicipSchema,
  updatePublicipSchema,
  EipError,
} from "../index.js";
export type * from "../index.js";
