// One loop to profile, the figures the README's Performance section gives for "a profile":
//
//   node bench/profile.mjs <sign|validate|fixed|prepaid> [calls] [--names DIR]
//   node --cpu-prof bench/profile.mjs sign 100000 --names target/names   # after scripts/build-names.sh
//
// Prints µs per call (after a warm-up of a tenth of the calls). `--names` loads the wasm built
// with function names instead of pkg/, through the same JS (js/api.js), so a profile names the
// Rust functions. Not a benchmark: `npm run bench` gives the figures to compare.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { AK, SK, PROJECT_ID, CANNED, createPrepaidValid, signedPrepaidRequest } from "./fixtures.mjs";

const args = process.argv.slice(2);
const at = args.indexOf("--names");
const names = at === -1 ? null : resolve(args.splice(at, 2)[1]);
const [which = "sign", count = "30000"] = args;
const calls = Number(count);

async function load() {
  if (!names) return import("eipkit");
  const wasm = await import(`${names}/eipkit.js`);
  wasm.initSync({ module: readFileSync(`${names}/eipkit_bg.wasm`) });
  const { default: useEngine } = await import("../js/api.js");
  const { alreadyReady } = await import("../js/engine.js");
  useEngine(wasm, alreadyReady);
  return import("../js/api.js");
}

const { EipClient, signRequest, validateCreatePrepaidPublicip, validateUpdatePublicip } = await load();
// Bench part 2's prepaid create: AK/SK, a stub fetch answering at once.
const client = new EipClient({
  endpoint: "https://vpc.cn-north-4.myhuaweicloud.com",
  projectId: PROJECT_ID,
  auth: { ak: AK, sk: SK },
  retries: 0,
  fetch: async () => new Response(CANNED.prepaidCreate, { status: 200, headers: CANNED.headers }),
});
const loops = {
  sign: () => signRequest(signedPrepaidRequest),
  validate: () => validateCreatePrepaidPublicip(createPrepaidValid),
  // The fixed cost of a call: the smallest valid body (bench part 1).
  fixed: () => validateUpdatePublicip({ publicip: {} }),
  prepaid: () => client.createPrepaidPublicip(createPrepaidValid),
};
const call = loops[which];
if (!call) throw new Error(`unknown loop "${which}": one of ${Object.keys(loops).join(", ")}`);
// The synchronous loops are not awaited: a microtask per call would be in the profile too.
const run = which === "prepaid" ? async (n) => { for (let i = 0; i < n; i++) await call(); } : (n) => { for (let i = 0; i < n; i++) call(); };
await run(calls / 10);
const t0 = performance.now();
await run(calls);
console.log(`${which}: ${((1000 * (performance.now() - t0)) / calls).toFixed(2)} µs per call over ${calls} calls`);
