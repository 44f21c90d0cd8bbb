// One start-up sample, run by bench/startup.mjs in a fresh process. Prints one JSON line:
// importMs (the import alone), firstCallMs (a first validation), readyMs (process start to ready).
import { performance } from "node:perf_hooks";
import { createRequire } from "node:module";

const mode = process.argv[2] ?? "eipkit";
const body = { publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", name: "bw", size: 5 } };
const t0 = performance.now();
let t1 = t0;
let t2 = t0;
if (mode === "eipkit" || mode === "validate") {
  const eipkit = await import(mode === "eipkit" ? "eipkit" : "eipkit/validate");
  t1 = performance.now();
  if (!eipkit.validateCreatePublicip(body).ok) throw new Error("validation failed");
  t2 = performance.now();
} else if (mode === "node-sdk") {
  createRequire(import.meta.url)("@huaweicloud/huaweicloud-sdk-vpc");
  t1 = t2 = performance.now();
} else if (mode !== "baseline") {
  throw new Error(`unknown mode ${mode}`);
}
process.stdout.write(`${JSON.stringify({ importMs: t1 - t0, firstCallMs: t2 - t1, readyMs: mode === "baseline" || mode === "node-sdk" ? t2 : t1 })}\n`);
