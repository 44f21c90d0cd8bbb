// Part 1b: validation throughput in headless Chromium, where forms run: eipkit/validate (its
// one-file bundle) against zod 4 `safeParse`, on the timed bodies of part 1, in one page. zod and
// the fixtures are bundled for the page with esbuild; the page times each library as
// bench/lib/measure.mjs does (warm-up, then runs of at least `runMs`, median) and reports back.
//
//   node bench/browser.mjs [--quick] [--json FILE]
import { createServer } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { build } from "esbuild";
import { launchChromium } from "../tests/chromium.mjs";
import { findChromium } from "./lib/chromium.mjs";
import { runPart, attempt } from "./lib/part.mjs";

const ROOT = new URL("../", import.meta.url).pathname;
const TYPES = { ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm", ".html": "text/html; charset=utf-8" };

/** The page's timing loop: the same shape as bench/lib/measure.mjs's benchSync. */
const PAGE_SCRIPT = (s) => `
import { init, validateCreatePublicip, validateCreatePrepaidPublicip, validateUpdatePublicip } from "/pkg/validate/eipkit_validate.bundle.js";
import { schemas, CASES } from "/__zod.js";
await init();
const eipkit = { create: validateCreatePublicip, createPrepaid: validateCreatePrepaidPublicip, update: validateUpdatePublicip };
let sink = 0;
function time(fn) {
  let batch = 1;
  const warm = performance.now() + ${s.warmupMs};
  while (performance.now() < warm) { for (let i = 0; i < batch; i++) sink ^= fn() ? 1 : 0; batch = Math.min(batch * 2, 4096); }
  const runs = [];
  for (let r = 0; r < ${s.runs}; r++) {
    let calls = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < ${s.runMs}) { for (let i = 0; i < batch; i++) sink ^= fn() ? 1 : 0; calls += batch; t = performance.now(); }
    runs.push((1000 * (t - t0)) / calls);
  }
  runs.sort((a, b) => a - b);
  return runs[runs.length >> 1];
}
const results = [];
for (const c of CASES) {
  const mine = eipkit[c.op], theirs = schemas[c.op];
  if (mine(c.body).ok !== c.ok || theirs.safeParse(c.body).success !== c.ok) throw new Error("verdicts differ on " + c.label);
  results.push({ id: c.id, label: c.label, eipkit: time(() => mine(c.body)), zod: time(() => theirs.safeParse(c.body)) });
}
window.__results = results;
`;

async function inChromium(s) {
  const zod = await build({
    stdin: { contents: 'export { schemas } from "./bench/schemas/zod.mjs"; export { CASES } from "./bench/fixtures.mjs";', resolveDir: ROOT },
    bundle: true, format: "esm", write: false, logLevel: "warning",
  });
  const server = createServer((req, res) => {
    const path = new URL(req.url, "http://localhost").pathname;
    const send = (status, type, body) => {
      res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
      res.end(body);
    };
    if (path === "/") return send(200, TYPES[".html"], '<!doctype html><meta charset="utf-8"><script type="module" src="/__bench.js"></script>');
    if (path === "/__bench.js") return send(200, TYPES[".js"], PAGE_SCRIPT(s));
    if (path === "/__zod.js") return send(200, TYPES[".js"], zod.outputFiles[0].contents);
    const file = normalize(join(ROOT, path));
    if (!/^\/pkg\/validate\/eipkit_validate(\.bundle\.js|_bg\.wasm)$/.test(path) || !existsSync(file)) return send(404, "text/plain", "not found");
    send(200, TYPES[extname(file)], readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const browser = await launchChromium({ executablePath: findChromium() });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const timeout = 60_000 + 20 * (s.warmupMs + s.runs * s.runMs);
    await page.waitForFunction(() => window.__results, null, { timeout, polling: 500 }).catch(() => {
      throw new Error(`the page did not finish: ${errors.join("; ") || "timeout"}`);
    });
    return { version: browser.version(), results: await page.evaluate(() => window.__results) };
  } finally {
    await browser.close();
    server.close();
  }
}

runPart(async (s) => {
  const measured = await attempt("headless Chromium", () => inChromium(s));
  const heading = "1b. Validation throughput (headless Chromium)";
  if (measured.skipped) return { title: "Validation throughput (Chromium)", sections: [{ heading, notes: [`Skipped: ${measured.skipped}`] }], data: measured };
  const rows = measured.results.map((r) => [r.label, `${r.eipkit.toFixed(2)} µs`, `${r.zod.toFixed(2)} µs`, `${(r.eipkit / r.zod).toFixed(1)}×`]);
  const notes = [
    `Chromium ${measured.version}, headless (tests/chromium.mjs), one page: eipkit/validate's one-file bundle (pkg/validate/eipkit_validate.bundle.js) and zod 4 with the schemas of part 1 (bench/schemas/zod.mjs, bundled for the page with esbuild).`,
    `µs per call: median of ${s.runs} runs of ${s.runMs} ms after ${s.warmupMs} ms of warm-up, timed in the page with performance.now(); both libraries give part 1's verdict on every body before timing.`,
  ];
  return {
    title: "Validation throughput (Chromium)",
    sections: [{ heading, columns: ["body", "eipkit/validate", "zod 4 (safeParse)", "eipkit/validate slower by"], rows, notes }],
    data: measured,
  };
});
