// Part 4: what the package costs to ship and to start.
// - Size: `node scripts/size.mjs --json` (web target: wasm, wasm-bindgen glue, eipkit's JS; gzip -9).
// - Node: `import("eipkit")` (the node entry reads and instantiates the wasm at import) in a fresh
//   process per sample, timed with performance.now() inside the child; median of N.
// - Chromium (headless, playwright-core, the system's Chromium): a page served by a tiny node:http
//   server imports js/web.js and awaits init() (fetch + compile + instantiate the wasm), timed
//   with performance.now() in the page; a new browser context (empty cache) per sample; median of N.
//
//   node bench/startup.mjs [--quick] [--json FILE]
import { execFileSync, spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { CHROMIUM_ARGS, launchChromium } from "../tests/chromium.mjs";
import { findChromium } from "./lib/chromium.mjs";
import { median } from "./lib/measure.mjs";
import { runPart, attempt } from "./lib/part.mjs";

const ROOT = new URL("../", import.meta.url).pathname;
const CHILD = new URL("./lib/startup-node-child.mjs", import.meta.url).pathname;

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(2)} ms`;

function sizes() {
  const out = execFileSync(process.execPath, [join(ROOT, "scripts/size.mjs"), "--json"], { encoding: "utf8" });
  return JSON.parse(out);
}

/** Fresh Node processes: `mode` is "eipkit", "baseline" (no import) or "node-sdk". */
function nodeSamples(mode, n) {
  const samples = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    const child = spawnSync(process.execPath, [CHILD, mode], { encoding: "utf8", cwd: ROOT });
    const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
    if (child.status !== 0) throw new Error(`${mode}: ${child.stderr.trim().split("\n").slice(-2).join(" ")}`);
    samples.push({ ...JSON.parse(child.stdout.trim().split("\n").pop()), wallMs });
  }
  const pick = (key) => median(samples.map((s) => s[key]));
  return { samples: samples.length, importMs: pick("importMs"), firstCallMs: pick("firstCallMs"), readyMs: pick("readyMs"), wallMs: pick("wallMs") };
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>eipkit start-up</title><script type="module" src="/__startup.js"></script>`;
const SCRIPT = `
const b0 = performance.now();
await import("/__empty.js");
const t0 = performance.now();
const eipkit = await import(new URLSearchParams(location.search).get("entry"));
const t1 = performance.now();
await eipkit.init();
const t2 = performance.now();
const result = eipkit.validateCreatePublicip({ publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", name: "bw", size: 5 } });
const t3 = performance.now();
window.__startup = { ok: result.ok, emptyImportMs: t0 - b0, importMs: t1 - t0, initMs: t2 - t1, firstCallMs: t3 - t2, readyMs: t2 };
`;
const TYPES = { ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm", ".html": "text/html; charset=utf-8" };

/** Serves the page, its script, and the package's js/ and pkg/ files (nothing else). */
function serve() {
  const modules = new Set(); // the package's JS files the page loaded
  const server = createServer((req, res) => {
    const path = new URL(req.url, "http://localhost").pathname;
    const send = (status, type, body) => {
      res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
      res.end(body);
    };
    if (path === "/") return send(200, TYPES[".html"], PAGE);
    if (path === "/__startup.js") return send(200, TYPES[".js"], SCRIPT);
    if (path === "/__empty.js") return send(200, TYPES[".js"], "export {};");
    const file = normalize(join(ROOT, path));
    const allowed = /^\/(js|pkg)\/(validate\/)?[\w.-]+$/.test(path) || /^\/pkg\/(validate\/)?snippets\/[\w-]+\/js\/[\w.-]+$/.test(path);
    if (!allowed || !file.startsWith(ROOT) || !existsSync(file)) return send(404, "text/plain", "not found");
    if (extname(file) === ".js") modules.add(path);
    send(200, TYPES[extname(file)] ?? "application/octet-stream", readFileSync(file));
  });
  server.modules = modules;
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Page loads that import `entry` (a path the server serves) and await its `init()`. */
async function chromiumSamples(n, entry) {
  const executablePath = findChromium();
  const server = await serve();
  const url = `http://127.0.0.1:${server.address().port}/?entry=${encodeURIComponent(entry)}`;
  const browser = await launchChromium({ executablePath });
  try {
    const samples = [];
    const one = async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const errors = [];
        page.on("pageerror", (e) => errors.push(e.message));
        await page.goto(url);
        await page.waitForFunction(() => window.__startup, null, { timeout: 20000 }).catch(() => {
          throw new Error(`the page did not start: ${errors.join("; ") || "timeout"}`);
        });
        return await page.evaluate(() => window.__startup);
      } finally {
        await context.close();
      }
    };
    await one(); // warm the browser process itself (not the page's cache: each context is new)
    for (let i = 0; i < n; i++) {
      const sample = await one();
      if (!sample.ok) throw new Error("the first validation failed in the page");
      samples.push(sample);
    }
    const pick = (key) => median(samples.map((s) => s[key]));
    return {
      version: browser.version(),
      modules: server.modules.size,
      samples: samples.length,
      importMs: pick("importMs"),
      emptyImportMs: pick("emptyImportMs"),
      initMs: pick("initMs"),
      importInitMs: median(samples.map((s) => s.importMs + s.initMs)),
      firstCallMs: pick("firstCallMs"),
      readyMs: pick("readyMs"),
    };
  } finally {
    await browser.close();
    server.close();
  }
}

runPart(async (s) => {
  const rows = [];
  const notes = [];
  const data = {};
  const n = s.samples;

  const size = await attempt("bundle size (scripts/size.mjs)", async () => sizes());
  if (size.skipped) {
    notes.push(`Skipped: ${size.skipped}.`);
  } else {
    data.size = size;
    for (const part of size) rows.push([`size: ${part.name}`, "raw / gzip -9", `${kb(part.raw)} / ${kb(part.gzip)}`]);
  }

  const node = await attempt("Node start-up", async () => ({
    eipkit: nodeSamples("eipkit", n),
    validate: nodeSamples("validate", n),
    baseline: nodeSamples("baseline", n),
    nodeSdk: await attempt("Node SDK start-up", async () => nodeSamples("node-sdk", n)),
  }));
  if (node.skipped) {
    notes.push(`Skipped: ${node.skipped}.`);
  } else {
    data.node = node;
    const each = `median of ${n} fresh processes`;
    rows.push([`start-up, Node ${process.version}: \`await import("eipkit")\` (reads and instantiates the wasm)`, each, ms(node.eipkit.importMs)]);
    rows.push(["start-up, Node: first `validateCreatePublicip` call after the import", each, ms(node.eipkit.firstCallMs)]);
    rows.push(["start-up, Node: `await import(\"eipkit/validate\")`; its first call", each, `${ms(node.validate.importMs)}; ${ms(node.validate.firstCallMs)}`]);
    rows.push(["start-up, Node: process start to eipkit ready", each, `${ms(node.eipkit.readyMs)} (an empty script: ${ms(node.baseline.readyMs)})`]);
    rows.push(["start-up, Node: whole process, spawn to exit", each, `${ms(node.eipkit.wallMs)} (an empty script: ${ms(node.baseline.wallMs)})`]);
    if (node.nodeSdk.skipped) notes.push(`Skipped: ${node.nodeSdk.skipped}.`);
    else rows.push(["for comparison: `require(\"@huaweicloud/huaweicloud-sdk-vpc\")` (official Node SDK)", each, ms(node.nodeSdk.importMs)]);
  }

  const browser = await attempt("headless Chromium start-up", async () => ({
    ...(await chromiumSamples(n, "/js/web.js")),
    validate: await chromiumSamples(n, "/js/validate/web.js"),
    bundle: await chromiumSamples(n, "/pkg/eipkit.bundle.js"),
    validateBundle: await chromiumSamples(n, "/pkg/validate/eipkit_validate.bundle.js"),
  }));
  if (browser.skipped) {
    notes.push(`Skipped: ${browser.skipped}.`);
  } else {
    data.chromium = browser;
    const each = `median of ${n} fresh page loads`;
    rows.push([`start-up, Chromium ${browser.version}: \`import("/js/web.js")\` (${browser.modules} modules)`, each, `${ms(browser.importMs)} (an empty module first: ${ms(browser.emptyImportMs)})`]);
    rows.push(["start-up, Chromium: `await init()` (fetch, compile, instantiate the wasm)", each, ms(browser.initMs)]);
    rows.push(["start-up, Chromium: import + init", each, ms(browser.importInitMs)]);
    rows.push(["start-up, Chromium: first `validateCreatePublicip` call", each, ms(browser.firstCallMs)]);
    rows.push(["start-up, Chromium: navigation start to eipkit ready", each, ms(browser.readyMs)]);
    const v = browser.validate;
    rows.push([`start-up, Chromium: \`import("/js/validate/web.js")\` (${v.modules} modules) + init; its first call`, each, `${ms(v.importInitMs)}; ${ms(v.firstCallMs)}`]);
    for (const [label, b] of [["eipkit/bundle (`pkg/eipkit.bundle.js`)", browser.bundle], ["eipkit/validate/bundle", browser.validateBundle]]) {
      rows.push([`start-up, Chromium: ${label}, one module: import + init; its first call`, each, `${ms(b.importInitMs)}; ${ms(b.firstCallMs)}`]);
    }
  }

  notes.unshift(
    "Sizes are those of `node scripts/size.mjs --json` (the web target a page downloads); `pkg/` is whatever `npm run build` last produced.",
    "Node: each sample is a new `node` process that times the dynamic import with `performance.now()`; the OS file cache is warm, V8 has no code cache for the wasm between processes.",
    "Chromium: headless, with the flags of tests/chromium.mjs (" + CHROMIUM_ARGS.map((a) => `\`${a}\``).join(" ") + "); the page and the package are served over loopback by a node:http server with `Cache-Control: no-store`; each sample is a new browser context (empty HTTP cache) in one browser process.",
  );
  return {
    title: "Bundle size and start-up time",
    sections: [{ heading: "4. Bundle size and start-up time", columns: ["what", "how", "result"], align: ["l", "l", "r"], rows, notes }],
    data,
  };
});
