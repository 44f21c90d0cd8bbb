// The whole package's validators (built for size), timed in a process that loads only "eipkit":
// run by bench/validation.mjs; prints one JSON line, µs per call by case id and "minimal".
import { validateCreatePrepaidPublicip, validateCreatePublicip, validateUpdatePublicip } from "eipkit";
import { CASES } from "../fixtures.mjs";
import { benchSync, settings } from "./measure.mjs";

const fns = { create: validateCreatePublicip, createPrepaid: validateCreatePrepaidPublicip, update: validateUpdatePublicip };
const s = settings();
const out = {};
for (const c of CASES) {
  const fn = fns[c.op];
  if (fn(c.body).ok !== c.ok) throw new Error(`eipkit judged "${c.label}" wrongly`);
  out[c.id] = benchSync(() => fn(c.body), s).usPerOp;
}
const minimal = { publicip: {} };
out.minimal = benchSync(() => validateUpdatePublicip(minimal), s).usPerOp;
process.stdout.write(`${JSON.stringify(out)}\n`);
