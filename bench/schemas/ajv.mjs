// The JSON Schemas of json-schema.mjs compiled by ajv v8 (standalone functions, compiled once).
// `allErrors: true` so that, like eipkit, every issue is reported rather than the first.
import Ajv2020 from "ajv/dist/2020.js";
import { jsonSchemas } from "./json-schema.mjs";

export function compileAll({ allErrors = true } = {}) {
  const ajv = new Ajv2020({ allErrors, allowUnionTypes: true, strict: true, strictTypes: false });
  return Object.fromEntries(Object.entries(jsonSchemas).map(([op, schema]) => [op, ajv.compile(schema)]));
}

export const validators = compileAll();
