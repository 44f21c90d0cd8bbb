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

/** The operations and their routes, for `eipkit/proxy` (`methods`: the client methods that send each). */
export const OPERATIONS = [
  { name: "createPublicip", method: "POST", path: "/v1/{project_id}/publicips", input: "body", methods: ["createPublicip"] },
  { name: "createPrepaidPublicip", method: "POST", path: "/v2.0/{project_id}/publicips", input: "body", methods: ["createPrepaidPublicip"] },
  { name: "updatePublicip", method: "PUT", path: "/v1/{project_id}/publicips/{publicip_id}", input: "body", methods: ["updatePublicip", "bindPublicip", "unbindPublicip"] },
  { name: "showPublicip", method: "GET", path: "/v1/{project_id}/publicips/{publicip_id}", input: null, methods: ["showPublicip"] },
  { name: "deletePublicip", method: "DELETE", path: "/v1/{project_id}/publicips/{publicip_id}", input: null, methods: ["deletePublicip"] },
  { name: "listPublicips", method: "GET", path: "/v1/{project_id}/publicips", input: "query", methods: ["listPublicips"] },
  { name: "listPorts", method: "GET", path: "/v1/{project_id}/ports", input: "query", methods: ["listPorts"] },
];
