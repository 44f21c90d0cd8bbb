// The validators and rule tables: the validators are synchronous calls into wasm; the rule
// descriptions and regions are data generated from the same tables (rules.js), read without
// the wasm. A module of its own, with its own registration, so that an entry can offer them
// without the client.
import { keeps, unregistered } from "./engine.js";
import { EipError } from "./error.js";
import { FIELD_RULES, REGIONS } from "./rules.js";

let wasm;
let ready = unregistered;

/** For entries, through api.js: the wasm bindings and `ready` (engine.js). */
export default function useValidators(bindings, readiness) {
  if (keeps(ready, readiness)) return;
  wasm = bindings;
  ready = readiness;
}

function call(name, args) {
  if (!ready.isReady()) {
    throw new EipError({ kind: "validation", message: `eipkit is not initialised: await init() before calling ${name}`, operation: name });
  }
  try {
    return wasm[name](...args);
  } catch (thrown) {
    throw EipError.from(thrown, name);
  }
}

export function validateCreatePublicip(...args) { return call("validateCreatePublicip", args); }
export function validateCreatePrepaidPublicip(...args) { return call("validateCreatePrepaidPublicip", args); }
export function validateUpdatePublicip(...args) { return call("validateUpdatePublicip", args); }
const OPERATIONS = Object.keys(FIELD_RULES);

/** Every field of an operation's input with its limits, steps, values and conditions (a fresh copy). */
export function fieldRules(operation) {
  if (typeof operation === "string" && Object.hasOwn(FIELD_RULES, operation)) return structuredClone(FIELD_RULES[operation]);
  const quoted = OPERATIONS.map((name) => `"${name}"`);
  const message = `operation must be one of ${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}.`;
  const issue = { path: "operation", code: "enum", severity: "error", message, params: { allowed: [...OPERATIONS] } };
  throw new EipError({ kind: "validation", message, operation: "fieldRules", issues: [issue] });
}

/** The regions eipkit knows, with the EIP types each offers (a fresh copy). */
export function regions() {
  return structuredClone(REGIONS);
}
