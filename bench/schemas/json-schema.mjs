// eipkit's rules as JSON Schema (draft 2020-12 keywords that ajv v8 compiles), for the
// validation benchmark only. They follow the API reference pages ([000], [003], [004]) and
// docs/decisions.md as far as JSON Schema can say them; see bench/README.md ("What the
// comparison schemas cannot express").
//
// - `null` counts as absent: optional fields allow the type "null" (type-specific keywords such
//   as minLength or minimum do not apply to null), conditionally required ones forbid it.
// - minLength/maxLength count code points (ajv's default `unicode: true`), as eipkit counts
//   characters; `pattern` is compiled with the `u` flag.
// - Cross-field rules are if/then/else; the size step bands are nested if/then/else with
//   multipleOf; unknown keys are `additionalProperties: false`.
// - No `format` is used: ajv-formats' "uuid" also accepts a "urn:uuid:" prefix, so the UUID
//   is a pattern.

const NOT_NULL = { not: { type: "null" } };
const nullable = (type) => [type, "null"];

const NAME = { type: nullable("string"), minLength: 1, maxLength: 64, pattern: "^[0-9A-Za-z\\u4e00-\\u9fa5_.-]*$" };
const UUID_OR_ZERO = "^(?:0|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})$";
const EIP_TYPES = ["5_bgp", "5_sbgp", "5_telcom", "5_union"];

const publicipCreate = {
  type: "object",
  additionalProperties: false,
  required: ["type"],
  properties: {
    type: { type: "string", enum: EIP_TYPES },
    ip_version: { enum: [4, 6, "", null] },
    alias: NAME,
    port_id: { type: nullable("string"), minLength: 36, maxLength: 36 },
  },
};

const size = {
  type: nullable("integer"),
  minimum: 1,
  maximum: 2000,
  // 1-300 step 1; 301-1000 step 50; 1001-2000 step 500.
  if: { type: "integer", minimum: 301 },
  then: { if: { type: "integer", maximum: 1000 }, then: { multipleOf: 50 }, else: { multipleOf: 500 } },
};

const bandwidth = {
  type: "object",
  additionalProperties: false,
  required: ["share_type"],
  properties: {
    share_type: { type: "string", enum: ["PER", "WHOLE"] },
    id: { type: nullable("string"), minLength: 1, maxLength: 36 },
    name: NAME,
    size,
    charge_mode: { enum: ["bandwidth", "traffic", "", null] },
  },
  allOf: [
    {
      if: { required: ["share_type"], properties: { share_type: { const: "PER" } } },
      then: { required: ["name", "size"], properties: { name: NOT_NULL, size: NOT_NULL } },
    },
    {
      if: { required: ["share_type"], properties: { share_type: { const: "WHOLE" } } },
      then: { required: ["id"], properties: { id: NOT_NULL } },
    },
  ],
};

const enterpriseProjectId = { type: nullable("string"), pattern: UUID_OR_ZERO };

const extendParam = {
  type: nullable("object"),
  additionalProperties: false,
  properties: {
    charge_mode: { enum: ["prePaid", "postPaid", null] },
    period_type: { enum: ["month", "year", null] },
    period_num: { type: nullable("integer"), minimum: 1, maximum: 9 },
    is_auto_renew: { type: nullable("boolean") },
    is_auto_pay: { type: nullable("boolean") },
  },
};

const PREPAID = {
  required: ["extendParam"],
  properties: { extendParam: { type: "object", required: ["charge_mode"], properties: { charge_mode: { const: "prePaid" } } } },
};
const JOINS_SHARED_BANDWIDTH = {
  required: ["bandwidth"],
  properties: {
    bandwidth: { type: "object", required: ["share_type", "id"], properties: { share_type: { const: "WHOLE" }, id: NOT_NULL } },
  },
};

export const createPublicip = {
  $id: "createPublicip",
  type: "object",
  additionalProperties: false,
  required: ["publicip", "bandwidth"],
  properties: { publicip: publicipCreate, bandwidth, enterprise_project_id: enterpriseProjectId },
};

export const createPrepaidPublicip = {
  $id: "createPrepaidPublicip",
  type: "object",
  additionalProperties: false,
  required: ["publicip", "bandwidth"],
  properties: { publicip: publicipCreate, bandwidth, extendParam, enterprise_project_id: enterpriseProjectId },
  if: PREPAID,
  then: {
    allOf: [
      {
        if: JOINS_SHARED_BANDWIDTH,
        else: {
          properties: {
            extendParam: { required: ["period_type", "period_num"], properties: { period_type: NOT_NULL, period_num: NOT_NULL } },
          },
        },
      },
      {
        properties: {
          extendParam: {
            if: { required: ["period_type"], properties: { period_type: { const: "year" } } },
            then: { properties: { period_num: { maximum: 3 } } },
          },
        },
      },
    ],
  },
};

export const updatePublicip = {
  $id: "updatePublicip",
  type: "object",
  additionalProperties: false,
  required: ["publicip"],
  properties: {
    publicip: {
      type: "object",
      additionalProperties: false,
      properties: {
        port_id: { type: nullable("string"), anyOf: [{ const: "" }, { minLength: 36, maxLength: 36 }] },
        ip_version: { enum: [4, 6, null] },
      },
      // port_id and ip_version exclude each other (null is absent).
      not: { required: ["port_id", "ip_version"], properties: { port_id: NOT_NULL, ip_version: NOT_NULL } },
    },
  },
};

export const jsonSchemas = { create: createPublicip, createPrepaid: createPrepaidPublicip, update: updatePublicip };
