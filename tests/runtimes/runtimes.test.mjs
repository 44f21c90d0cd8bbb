// The REAL tarball in every runtime eipkit supports: `npm pack` once, install it into throwaway
// projects (with the tools each needs, in one `npm install` per project), and in each runtime
// validate a body and make real calls against the EIP API emulator started here. Each runtime
// runs fixtures/probe.js on the module its import of "eipkit" gave; the test checks the report
// and which of the package's entries the runtime resolved.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { connectEmulator, startEmulator } from "eipkit/emulator";
import {
  EXPECTED_ISSUES,
  REPO,
  WEB_PORT,
  WEB_SERVER,
  launchChromium,
  loadPage,
  makeProject,
  outputOf,
  packTarball,
  resultOf,
  run,
  serveStatic,
  start,
  withOutput,
  workspace,
} from "./support.mjs";

const EXPORTS = [
  "EipClient",
  "EipError",
  "createPrepaidPublicipSchema",
  "createPublicipSchema",
  "fieldRules",
  "iamTokenProvider",
  "init",
  "regions",
  "signRequest",
  "updatePublicipSchema",
  "validateCreatePrepaidPublicip",
  "validateCreatePublicip",
  "validateUpdatePublicip",
];
const TIMEOUT = 180_000;

let ws, pack, emu, browserPromise;
const projects = new Map();

/** A throwaway project, installed once however many tests use it. */
function project(name, options = {}) {
  if (!projects.has(name)) {
    projects.set(name, makeProject(ws.dir, name, { tarball: pack.tarball, ...options }));
  }
  return projects.get(name);
}
const nodeProject = () => project("node", { fixtures: ["probe.js", "proxy-probe.js", "node-esm.mjs", "node-cjs.cjs", "node-proxy.mjs", "plain.html"] });
const workerdProject = () =>
  project("workerd", { tools: ["miniflare", "esbuild"], fixtures: ["probe.js", "proxy-probe.js", "worker.js", "workerd-run.mjs", "worker-example-run.mjs"] });
const browser = () => (browserPromise ??= launchChromium());

before(() => {
  assert.ok(existsSync(join(REPO, "pkg", "eipkit_bg.wasm")), "pkg/eipkit_bg.wasm is missing: build the package first (npm run build)");
  ws = workspace();
  pack = packTarball(ws.dir);
  for (const file of ["pkg/eipkit_bg.wasm", "pkg/eipkit.js", "js/node.js", "js/node.cjs", "js/web.js", "js/workerd.js", "js/proxy.js", "js/proxy.d.ts",
    "js/proxy/node.js", "js/proxy/node.cjs", "js/proxy/web.js", "js/proxy/workerd.js"]) {
    assert.ok(pack.files.includes(file), `the tarball lacks ${file}: ${pack.files.join(", ")}`);
  }
});

before(async () => {
  emu = await startEmulator({ quiet: true, transitionMs: 20 });
});

after(async () => {
  await (await browserPromise?.catch(() => null))?.close();
  await emu?.close();
  await Promise.allSettled(projects.values());
  ws?.remove();
});

/** What every runtime must report (fixtures/probe.js). */
function checkReport(report, { readyAtImport } = {}) {
  assert.deepEqual(report.exports, EXPORTS, "the named exports");
  assert.deepEqual(report.validation, { ok: false, issues: EXPECTED_ISSUES }, "validateCreatePublicip");
  assert.deepEqual(report.schema, EXPECTED_ISSUES.map((i) => i.path.split(".")), "createPublicipSchema: the same issues, paths as keys");
  assert.deepEqual(report.ports, [{ id: WEB_PORT, device_id: WEB_SERVER }], "listPorts against the emulator");
  assert.deepEqual(
    report.apiError,
    { eipError: true, error: true, kind: "api", status: 404, code: "VPC.0504", requestId: true, paths: [] },
    "showPublicip of an unknown EIP: the service's error, with its X-Request-Id",
  );
  assert.deepEqual(
    report.rejected,
    { eipError: true, error: true, kind: "validation", status: null, code: null, requestId: false, paths: ["bandwidth.size", "bandwidth.name"] },
    "createPublicip of a bad body",
  );
  assert.deepEqual(report.constructed, { error: true, name: "EipError", kind: "api", status: 409 }, "new EipError(...)");
  if (readyAtImport !== undefined) {
    assert.equal(report.readyAtImport, readyAtImport, readyAtImport ? "usable at import" : "needs init() first");
    if (!readyAtImport) assert.equal(report.beforeInit?.eipError, true, "a sync export before init() throws an EipError");
    assert.equal(report.schemaBeforeInit, readyAtImport ? "range" : "unavailable", "a schema before init() answers, never throws");
  }
}

/** What every server runtime must report of eipkit/proxy (fixtures/proxy-probe.js). */
function checkProxy(report) {
  assert.deepEqual(report.exports, ["createEipProxy", "toNodeListener"], "eipkit/proxy's named exports");
  assert.deepEqual(report.ports, [WEB_PORT], "listPorts through the proxy");
  assert.deepEqual(report.notFound, { eipError: true, status: 404, code: "VPC.0504", requestId: true }, "the service's 404 through the proxy");
  assert.deepEqual(report.unauthorized, { eipError: true, status: 401, code: "unauthorized", requestId: false }, "authorize false");
  assert.deepEqual(report.notAllowed, { eipError: true, status: 403, code: "operation_not_allowed", requestId: false }, "an operation not in allow");
  assert.equal(report.traversal, 404, "an encoded slash in an id");
}

/** The page's errors and warnings, less Chromium's line for the probe's deliberate 404 from the emulator. */
const problems = (log) =>
  log.filter((l) => /^(pageerror|requestfailed|console\.(error|warning))/.test(l) && !(l.includes("status of 404") && l.includes(`[${emu.url}/`)));

const tail = (path) => path.replace(/^.*node_modules\/eipkit\//, "");

test("Node ESM: import from \"eipkit\"", { timeout: TIMEOUT }, async (t) => {
  const dir = await nodeProject();
  const output = await run("node", ["node-esm.mjs", emu.url], { cwd: dir });
  const report = resultOf(output);
  withOutput(output, () => {
    checkReport(report, { readyAtImport: true });
    assert.equal(tail(report.entry), "js/node.js");
  });
  t.diagnostic(`resolved ${tail(report.entry)}`);
});

test("Node CommonJS: require(\"eipkit\")", { timeout: TIMEOUT }, async (t) => {
  const dir = await nodeProject();
  const output = await run("node", ["node-cjs.cjs", emu.url], { cwd: dir });
  const report = resultOf(output);
  withOutput(output, () => {
    checkReport(report, { readyAtImport: true });
    assert.equal(tail(report.entry), "js/node.cjs");
    assert.equal(report.sameAsImport, true, "require() and import() give the same EipError class");
    assert.doesNotMatch(output.stderr, /ExperimentalWarning|Error/, "require() of the package prints nothing");
  });
  t.diagnostic(`resolved ${tail(report.entry)} (which requires js/node.js)`);
});

test("Node: import and require of \"eipkit/proxy\"", { timeout: TIMEOUT }, async (t) => {
  const dir = await nodeProject();
  const output = await run("node", ["node-proxy.mjs", emu.url], { cwd: dir });
  const report = resultOf(output);
  withOutput(output, () => {
    checkProxy(report);
    assert.equal(tail(report.entry), "js/proxy/node.js");
    assert.equal(tail(report.required.entry), "js/proxy/node.cjs");
    assert.equal(report.required.same, true, "require() and import() give the same createEipProxy");
  });
  t.diagnostic(`resolved ${tail(report.entry)} and ${tail(report.required.entry)}`);
});

test("a Vite app (vite build) in headless Chromium", { timeout: TIMEOUT }, async (t) => {
  const dir = await project("vite", {
    tools: ["vite"],
    fixtures: ["probe.js", "vite-app/index.html", "vite-app/main.js", "vite-app/vite.config.js"],
  });
  await run(join(dir, "node_modules", ".bin", "vite"), ["build"], { cwd: dir });
  const dist = join(dir, "dist");
  const [entry, ...more] = JSON.parse(readFileSync(join(dist, "eipkit-entry.json"), "utf8"));
  assert.equal(more.length, 0);
  assert.equal(tail(entry), "js/web.js", "Vite resolves the browser entry");
  const wasmAssets = readdirSync(join(dist, "assets")).filter((f) => f.endsWith(".wasm"));
  assert.equal(wasmAssets.length, 1, `vite build emits the .wasm as an asset: ${readdirSync(join(dist, "assets"))}`);

  const server = await serveStatic(dist);
  t.after(() => server.close());
  const { result, log, requests } = await loadPage(await browser(), `${server.url}/?emulator=${encodeURIComponent(emu.url)}`);
  withOutput(`--- page log ---\n${log.join("\n")}\n--- served ---\n${server.served.join("\n")}`, () => {
    checkReport(result, { readyAtImport: false });
    const wasm = requests.filter((r) => r.url.endsWith(".wasm"));
    assert.deepEqual(
      wasm.map((r) => [new URL(r.url).pathname, r.status]),
      [[`/assets/${wasmAssets[0]}`, 200]],
      "the page fetches the emitted asset",
    );
    assert.deepEqual(problems(log), [], "the page logs no error or warning");
  });
  t.diagnostic(`resolved ${tail(entry)}; emitted assets/${wasmAssets[0]}`);
});

test("a plain page importing js/web.js by URL (no bundler) in headless Chromium", { timeout: TIMEOUT }, async (t) => {
  const dir = await nodeProject();
  const server = await serveStatic(dir); // the project's root, node_modules included
  t.after(() => server.close());
  const { result, log, requests } = await loadPage(await browser(), `${server.url}/plain.html?emulator=${encodeURIComponent(emu.url)}`);
  withOutput(`--- page log ---\n${log.join("\n")}\n--- served ---\n${server.served.join("\n")}`, () => {
    checkReport(result, { readyAtImport: false });
    assert.deepEqual(
      requests.filter((r) => r.url.endsWith(".wasm")).map((r) => [new URL(r.url).pathname, r.status]),
      [["/node_modules/eipkit/pkg/eipkit_bg.wasm", 200]],
      "the wasm is fetched from next to the glue",
    );
    assert.deepEqual(problems(log), [], "the page logs no error or warning");
  });
});

test("Deno: import from \"eipkit\" with the project's node_modules", { timeout: TIMEOUT }, async (t) => {
  const dir = await project("deno", { tools: ["deno"], fixtures: ["probe.js", "proxy-probe.js", "deno-main.js"] });
  const deno = join(dir, "node_modules", ".bin", "deno");
  const output = await run(deno, ["run", "--no-prompt", "--allow-read", "--allow-net=127.0.0.1", "deno-main.js", emu.url], {
    cwd: dir,
    env: { DENO_DIR: join(dir, ".deno"), DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" },
  });
  const report = resultOf(output);
  const { web, proxy, ...bare } = report;
  withOutput(output, () => {
    // The "deno" condition comes before "node": Deno gets the web entry (await init()).
    assert.equal(tail(bare.entry), "js/web.js", `"eipkit" resolved to ${bare.entry}`);
    checkReport(bare);
    assert.equal(tail(web.entry), "js/web.js");
    checkReport(web);
    assert.equal(tail(proxy.entry), "js/proxy/web.js");
    checkProxy(proxy);
  });
  t.diagnostic(`"eipkit" resolved ${tail(bare.entry)}; "eipkit/web" resolved ${tail(web.entry)}; "eipkit/proxy" resolved ${tail(proxy.entry)}`);
});

test("workerd (miniflare): a worker bundled with the workerd conditions", { timeout: TIMEOUT }, async (t) => {
  const dir = await workerdProject();
  const output = await run("node", ["workerd-run.mjs", emu.url], { cwd: dir });
  const { entries, report } = resultOf(output);
  withOutput(output, () => {
    assert.ok(entries.map(tail).includes("js/workerd.js"), `the bundle uses js/workerd.js: ${entries.map(tail)}`);
    assert.ok(entries.map(tail).includes("js/proxy/workerd.js"), `"eipkit/proxy" resolves js/proxy/workerd.js: ${entries.map(tail)}`);
    assert.ok(!entries.map(tail).includes("js/web.js") && !entries.map(tail).includes("js/node.js"), `one entry only: ${entries.map(tail)}`);
    const { proxy, ...rest } = report;
    checkReport(rest, { readyAtImport: true });
    checkProxy(proxy);
  });
  t.diagnostic(`resolved js/workerd.js and js/proxy/workerd.js; bundled ${entries.map(tail).join(", ")}`);
});

/**
 * Opens `url` in a new page, records every request the browser makes (CORS preflights included:
 * Chromium reports them over CDP, not as page events), submits the console's form and returns
 * what `#out` ended with.
 */
async function runConsole(url) {
  const page = await (await browser()).newPage();
  const log = [];
  const requests = new Map();
  page.on("console", (m) => log.push(`console.${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => log.push(`pageerror: ${e.stack ?? e.message}`));
  const cdp = await page.context().newCDPSession(page);
  cdp.on("Network.requestWillBeSent", ({ requestId, request, type }) => {
    // A redirect reuses the id: keep each hop (none is expected).
    const key = requests.has(requestId) ? `${requestId}+${requests.size}` : requestId;
    requests.set(key, { id: requestId, url: request.url, method: request.method, type, headers: request.headers, status: null, responseHeaders: null, failure: null });
  });
  cdp.on("Network.responseReceived", ({ requestId, response }) => {
    const r = requests.get(requestId);
    if (r) Object.assign(r, { status: response.status, responseHeaders: Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v])) });
  });
  cdp.on("Network.loadingFailed", ({ requestId, errorText, corsErrorStatus }) => {
    const r = requests.get(requestId);
    if (r) r.failure = corsErrorStatus?.corsError ?? errorText;
  });
  await cdp.send("Network.enable");
  try {
    await page.goto(url);
    await page.click("#run");
    const out = page.locator("#out[data-state]");
    await out.waitFor({ timeout: 60_000 }).catch((error) => {
      throw new Error(`the console never finished: ${error.message}\n--- page log ---\n${log.join("\n")}`);
    });
    return {
      state: await out.getAttribute("data-state"),
      result: JSON.parse(await out.getAttribute("data-result")),
      text: await out.textContent(),
      requests: [...requests.values()],
      log,
    };
  } finally {
    await page.close();
  }
}

test("examples/worker in workerd (miniflare), driven by its console page from another origin in headless Chromium", { timeout: TIMEOUT }, async (t) => {
  const PROJECT = "0605767a5c5d4e5e8c9f1a2b3c4d5e6f";
  const SESSION = "console-session-4f1d9a";
  const AK = "TESTAK0000000000000"; // the emulator's credentials (emulator/README.md)
  const SK = "testsecretkey0000000000000000000000000000";
  const dir = await workerdProject();
  cpSync(join(REPO, "examples", "worker"), join(dir, "example"), { recursive: true });

  // Its own emulator: its request log is this test's alone.
  const upstream = await startEmulator({ quiet: true, transitionMs: 20 });
  t.after(() => upstream.close());
  const control = connectEmulator(upstream.url);
  const pageServer = await serveStatic(dir); // the console's origin
  t.after(() => pageServer.close());
  const thirdServer = await serveStatic(dir); // the same page from an origin not in cors.origins
  t.after(() => thirdServer.close());
  assert.notEqual(pageServer.url, thirdServer.url);

  const bindings = { VPC_ENDPOINT: upstream.url, PROJECT_ID: PROJECT, HW_AK: AK, HW_SK: SK, CONSOLE_SESSION: SESSION, CONSOLE_ORIGIN: pageServer.url };
  const worker = await start("node", ["worker-example-run.mjs", JSON.stringify(bindings)], { cwd: dir });
  t.after(() => worker.stop());
  const workerOrigin = worker.ready;
  const query = `?worker=${encodeURIComponent(workerOrigin)}&session=${encodeURIComponent(SESSION)}`;

  // The console's page, from its own origin, through the worker.
  const run = await runConsole(`${pageServer.url}/example/page/${query}`);
  const upstreamLog = await control.requests();
  const sent = worker.lines("UPSTREAM ");
  const context = () =>
    `--- page ---\n${run.text}\n${run.log.join("\n")}\n--- browser requests ---\n${run.requests.map((r) => `${r.type} ${r.method} ${r.url} ${r.status ?? r.failure}`).join("\n")}` +
    `\n--- emulator log ---\n${upstreamLog.map((e) => `${e.method} ${e.path} ${e.operation} ${e.status} ${e.auth}`).join("\n")}\n${outputOf(worker.output)}`;
  withOutput(context(), () => {
    assert.equal(run.state, "done", "the console's walkthrough succeeded");
    const [ports, created, bound, shown, unbound, deleted] = run.result.steps;
    assert.deepEqual(ports, ["listPorts", [WEB_PORT]]);
    assert.equal(created[0], "createPublicip");
    assert.deepEqual(bound, ["bindPublicip", WEB_PORT]);
    assert.deepEqual(shown, ["showPublicip", "ACTIVE", WEB_PORT]);
    assert.deepEqual(unbound, ["unbindPublicip", "DOWN", null]);
    assert.deepEqual(deleted, ["deletePublicip"]);

    // The browser: the page's origin and the worker's, nothing else (never the emulator).
    for (const r of run.requests) {
      assert.ok([pageServer.url, workerOrigin].includes(new URL(r.url).origin), `the browser asked only the page's and the worker's origins: ${r.method} ${r.url}`);
    }
    const toWorker = run.requests.filter((r) => new URL(r.url).origin === workerOrigin);
    const preflights = toWorker.filter((r) => r.method === "OPTIONS");
    const calls = toWorker.filter((r) => r.method !== "OPTIONS");
    assert.ok(preflights.length >= 1, "the session header makes the browser send CORS preflights");
    for (const p of preflights) {
      assert.equal(p.status, 204, `preflight ${p.url}`);
      assert.equal(p.responseHeaders["access-control-allow-origin"], pageServer.url);
      assert.match(p.responseHeaders["access-control-allow-headers"] ?? "", /x-console-session/);
    }
    for (const c of calls) {
      assert.ok(c.status >= 200 && c.status < 300, `${c.method} ${c.url}: ${c.status ?? c.failure}`);
      assert.equal(c.responseHeaders["access-control-allow-origin"], pageServer.url);
      assert.equal(c.headers["X-Console-Session"] ?? c.headers["x-console-session"], SESSION, "the page sends its session to the worker");
      assert.ok(!Object.keys(c.headers).some((h) => h.toLowerCase() === "authorization"), "the page sends no Authorization");
    }
    for (const method of ["GET", "POST", "PUT", "DELETE"]) assert.ok(calls.some((c) => c.method === method), `the page sent a ${method}`);

    // Upstream: each call the worker made went to the emulator, signed with the AK/SK, and
    // carried neither the session nor anything else of the browser's.
    assert.equal(upstreamLog.length, calls.length, "one upstream request per call from the page");
    assert.ok(upstreamLog.every((e) => e.auth === "aksk" && e.status >= 200 && e.status < 300), "every upstream request authenticated with the AK/SK");
    for (const operation of ["listPorts", "createPublicip", "showPublicip", "deletePublicip"]) {
      assert.ok(upstreamLog.some((e) => e.operation === operation), `${operation} reached the emulator`);
    }
    assert.equal(sent.length, upstreamLog.length, "what left the worker is what reached the emulator");
    for (const s of sent) {
      assert.equal(new URL(s.url).origin, upstream.url);
      assert.match(s.headers.authorization, new RegExp(`^SDK-HMAC-SHA256 Access=${AK}, `));
      assert.ok(!("x-console-session" in s.headers), "the session header stays in the worker");
      assert.ok(!Object.values(s.headers).some((v) => v.includes(SESSION)), "no header upstream holds the session");
      for (const h of ["origin", "cookie", "referer"]) assert.ok(!(h in s.headers), `no ${h} header upstream`);
    }
  });

  // A caller without the session, or with another, is refused by the worker's authorize.
  const portsUrl = `${workerOrigin}/v1/${PROJECT}/ports?device_id=${WEB_SERVER}`;
  for (const headers of [{}, { "x-console-session": `${SESSION}x` }, { authorization: `Bearer ${SESSION}` }]) {
    const res = await fetch(portsUrl, { headers });
    assert.equal(res.status, 401, `refused: ${JSON.stringify(headers)}`);
    assert.equal((await res.json()).code, "unauthorized");
  }
  assert.equal((await control.requests()).length, upstreamLog.length, "nothing of a refused caller reached the emulator");

  // The same page from an origin not in cors.origins: the preflight is refused, the fetch fails,
  // and nothing reaches the emulator.
  const refused = await runConsole(`${thirdServer.url}/example/page/${query}`);
  const after = await control.requests();
  withOutput(`--- page ---\n${refused.text}\n--- browser requests ---\n${refused.requests.map((r) => `${r.type} ${r.method} ${r.url} ${r.status ?? r.failure}`).join("\n")}`, () => {
    assert.equal(refused.state, "failed");
    assert.deepEqual(refused.result.steps, []);
    assert.equal(refused.result.error.kind, "network", "the browser's fetch failed (CORS)");
    const toWorker = refused.requests.filter((r) => new URL(r.url).origin === workerOrigin);
    const preflights = toWorker.filter((r) => r.method === "OPTIONS");
    assert.ok(preflights.length >= 1, "the browser asked the worker first");
    for (const p of preflights) {
      assert.equal(p.status, 403, `the worker refuses the third origin's preflight: ${p.url}`);
      assert.equal(p.responseHeaders["access-control-allow-origin"], undefined, "no CORS grant for the third origin");
    }
    for (const c of toWorker.filter((r) => r.method !== "OPTIONS")) {
      assert.equal(c.status, null, `the browser never sent ${c.method} ${c.url}`);
      assert.match(c.failure ?? "", /^Preflight/, "it failed on the refused preflight");
    }
    assert.equal(after.length, upstreamLog.length, "nothing reached the emulator");
    assert.equal(worker.lines("UPSTREAM ").length, sent.length, "nothing left the worker");
  });
  t.diagnostic(`${run.requests.length} browser requests (${run.requests.filter((r) => r.method === "OPTIONS").length} preflights), ${upstreamLog.length} upstream, all AK/SK`);
});
