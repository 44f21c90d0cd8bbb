// The libraries of the validation benchmark behind one shape: `run(op, body)` is the call that is
// timed (each library's own result object), `outcome(result)` reads it as { ok, issues } (not timed).
import * as forms from "eipkit/validate";
import { schemas as zodSchemas, compiledSchemas as zodCompiled } from "../schemas/zod.mjs";
import { validators as ajvValidators } from "../schemas/ajv.mjs";

const fns = (module) => ({
  create: module.validateCreatePublicip,
  createPrepaid: module.validateCreatePrepaidPublicip,
  update: module.validateUpdatePublicip,
});
const eipkitOutcome = (r) => ({ ok: r.ok, issues: r.issues.filter((i) => i.severity === "error").length, messages: r.issues.map((i) => `${i.path}: ${i.message}`) });

/** eipkit's module for forms first (the reference), then the others. The whole package's
 * validators are timed in a process of their own (validation-whole-child.mjs): in one process
 * both entries validate with the module for forms. */
export const LIBRARIES = [
  {
    id: "eipkit-validate",
    label: "eipkit/validate",
    prepare: (op) => {
      const fn = fns(forms)[op];
      return (body) => fn(body);
    },
    outcome: eipkitOutcome,
  },

  {
    id: "zod",
    label: "zod 4 (safeParse)",
    prepare: (op) => {
      const schema = zodSchemas[op];
      return (body) => schema.safeParse(body);
    },
    outcome: (r) => ({ ok: r.success, issues: r.success ? 0 : r.error.issues.length, messages: r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) }),
  },
  {
    id: "zod-compiled",
    label: "zod 4 (z.compile)",
    prepare: (op) => {
      const schema = zodCompiled[op];
      return (body) => schema.safeParse(body);
    },
    outcome: (r) => ({ ok: r.success, issues: r.success ? 0 : r.error.issues.length, messages: r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) }),
  },
  {
    id: "ajv",
    label: "ajv 8 (compiled, allErrors)",
    prepare: (op) => {
      const validate = ajvValidators[op];
      // ajv keeps the errors on the function; copy them out as a caller would.
      return (body) => (validate(body) ? { ok: true, errors: [] } : { ok: false, errors: validate.errors });
    },
    outcome: (r) => ({ ok: r.ok, issues: r.errors.length, messages: r.errors.map((e) => `${e.instancePath} ${e.message}`) }),
  },
];
