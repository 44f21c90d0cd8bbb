// Generated from the core's operation registry (core/src/operation/mod.rs) by core/src/typescript.rs:
// EIPKIT_WRITE_TYPES=1 cargo test -p eipkit-core --test typescript. Do not edit.

/** `EipClient`'s methods that send one request. */
export const CLIENT_METHODS = [
  { name: "createPublicip", arity: 1 },
  { name: "createPrepaidPublicip", arity: 1 },
  { name: "updatePublicip", arity: 2 },
  { name: "bindPublicip", arity: 2 },
  { name: "unbindPublicip", arity: 1 },
  { name: "showPublicip", arity: 1 },
  { name: "deletePublicip", arity: 1 },
  { name: "listPublicips", arity: 1, pageOf: "publicips" },
  { name: "listPorts", arity: 1 },
];
