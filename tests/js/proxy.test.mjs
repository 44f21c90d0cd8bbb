// eipkit/proxy end to end: an EipClient holding no cloud credential (`auth: { headers }`) in
// front of createEipProxy (node:http through toNodeListener), whose upstream is the emulator.
// Every operation works unchanged through it; upstream it is the proxy's token, AK/SK or IAM
// token, never the caller's headers; the service's errors come back with their status, code
// and X-Request-Id.
import { test, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { EipClient, EipError, iamTokenProvider } from "eipkit";
import { createEipProxy, toNodeListener } from "eipkit/proxy";
import { emulator, eventually, serveProxy, PROJECT, TOKEN, AK, SK, USER, WEB_SERVER, WEB_PORT, PER_BODY } from "./support.mjs";

const SESSION = { Authorization: "Bearer s1" };
const PREPAID = { ...PER_BODY, extendParam: { charge_mode: "prePaid", period_type: "month", period_num: 1, is_auto_pay: true } };

let emu;
const proxies = [];
before(async () => { emu = await emulator(); });
after(async () => {
  await Promise.all(proxies.map((p) => p.close()));
  await emu.close();
});
beforeEach(() => emu.reset());

/**
 * A proxy in front of the emulator; `seen` records the headers of every request it sent
 * upstream (its `fetch`), and `authorized` the callers it let in.
 */
async function proxy(options = {}) {
  const seen = [];
  const upstreamFetch = (input, init) => {
    const request = new Request(input, init);
    seen.push({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers) });
    return fetch(request);
  };
  const served = await serveProxy({
    endpoint: emu.url,
    projectId: PROJECT,
    auth: { token: TOKEN },
    authorize: (request) => request.headers.get("authorization") === "Bearer s1",
    fetch: upstreamFetch,
    ...options,
  });
  proxies.push(served);
  return { ...served, seen };
}

/** An EipClient of the page: the proxy's URL, a session header, no cloud credential. */
const browserClient = (url, options = {}) => new EipClient({ endpoint: url, projectId: PROJECT, auth: { headers: SESSION }, ...options });

async function failure(promise) {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof EipError, `not an EipError: ${error}`);
    return error;
  }
  assert.fail("expected a rejection");
}

const waitFor = (c, id, status) => eventually(async () => (await c.showPublicip(id)).publicip.status === status);

test("every operation through the proxy: create (v1 and prepaid), bind, unbind, convert, show, list with paging, delete, listPorts", async () => {
  const p = await proxy();
  // The page's client also sends a cookie, as a browser would to its own site.
  const withCookie = (input, init) => {
    const request = new Request(input, init);
    request.headers.set("cookie", "session=s1; theme=dark");
    return fetch(request);
  };
  const c = browserClient(p.url, { fetch: withCookie });

  const { ports } = await c.listPorts({ device_id: WEB_SERVER });
  assert.deepEqual(ports.map((port) => port.id), [WEB_PORT]);

  const { publicip } = await c.createPublicip({ ...PER_BODY, publicip: { type: "5_bgp", alias: "via-proxy" } });
  assert.equal(publicip.status, "PENDING_CREATE");
  assert.equal(publicip.alias, "via-proxy");
  await waitFor(c, publicip.id, "DOWN");

  const order = await c.createPrepaidPublicip(PREPAID);
  assert.match(order.order_id, /^CS[A-Z0-9]{15}$/);
  assert.equal((await c.showPublicip(order.publicip_id)).publicip.profile.order_id, order.order_id);
  const postpaid = await c.createPrepaidPublicip(PER_BODY);
  assert.equal(typeof postpaid.publicip.id, "string");

  assert.equal((await c.bindPublicip(publicip.id, WEB_PORT)).publicip.status, "BINDING");
  await waitFor(c, publicip.id, "ACTIVE");
  assert.equal((await c.showPublicip(publicip.id)).publicip.port_id, WEB_PORT);
  assert.equal((await c.unbindPublicip(publicip.id)).publicip.status, "PENDING_UPDATE");
  await waitFor(c, publicip.id, "DOWN");
  const converted = await c.updatePublicip(publicip.id, { publicip: { ip_version: 6 } });
  assert.equal(converted.publicip.ip_version, 6);

  const pages = [];
  for await (const page of c.listPublicipsPages({ limit: 2 })) pages.push(page.publicips.length);
  assert.deepEqual(pages, [2, 1], "three EIPs, two per page, following marker through the proxy");
  assert.deepEqual((await c.listPublicips({ ip_version: 6 })).publicips.map((e) => e.id), [publicip.id]);

  await waitFor(c, postpaid.publicip.id, "DOWN");
  assert.equal(await c.deletePublicip(publicip.id), undefined);
  assert.equal(await c.deletePublicip(postpaid.publicip.id), undefined);
  await eventually(async () => (await c.listPublicips()).publicips.length === 1); // the prepaid one stays

  // Upstream: the proxy's token on every request, and nothing of the caller's.
  const logged = await emu.requests();
  assert.ok(logged.length >= 15, `${logged.length} requests`);
  assert.ok(logged.every((r) => r.auth === "token"), JSON.stringify(logged.map((r) => r.auth)));
  assert.equal(p.seen.length, logged.length, "one upstream request per request the page made");
  for (const { headers } of p.seen) {
    assert.equal(headers["x-auth-token"], TOKEN);
    assert.equal(headers.authorization, undefined, "the caller's Authorization");
    assert.equal(headers.cookie, undefined, "the caller's Cookie");
    assert.ok(!JSON.stringify(headers).includes("s1"), JSON.stringify(headers));
  }
});

test("AK/SK upstream: every request signed (the emulator verifies it), the caller's Authorization replaced", async () => {
  const p = await proxy({ auth: { ak: AK, sk: SK } });
  const c = browserClient(p.url);
  const { publicip } = await c.createPublicip(PER_BODY);
  await c.showPublicip(publicip.id);
  await c.listPorts({ device_id: WEB_SERVER });
  await c.listPublicips({ limit: 10, ip_version: 4 });
  const logged = await emu.requests();
  assert.equal(logged.length, 4);
  assert.ok(logged.every((r) => r.auth === "aksk" && r.status === 200), JSON.stringify(logged));
  for (const { headers } of p.seen) {
    assert.match(headers.authorization, /^SDK-HMAC-SHA256 Access=TESTAK0000000000000, SignedHeaders=/);
    assert.ok(!JSON.stringify(headers).includes("Bearer"), "the caller's Authorization is not forwarded");
  }
});

test("an IAM token provider upstream: one sign-in, the token never reaches the caller", async () => {
  const provider = iamTokenProvider({ endpoint: emu.url, ...USER, projectId: PROJECT });
  const answers = [];
  const p = await proxy({ auth: { tokenProvider: provider }, fetch: undefined });
  const c = browserClient(p.url, {
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      answers.push(JSON.stringify([...response.headers]) + (await response.clone().text()));
      return response;
    },
  });
  await Promise.all([c.listPublicips(), c.listPorts({ device_id: WEB_SERVER }), c.showPublicip("00000000-0000-4000-8000-000000000000").catch(() => {})]);
  assert.equal((await emu.requests("iamToken")).length, 1);
  assert.ok((await emu.requests()).filter((r) => r.operation !== "iamToken").every((r) => r.auth === "token"));
  const token = await provider({ forceRefresh: false });
  assert.ok(answers.length === 3 && answers.every((a) => !a.includes(token)));
});

test("the service's errors come back as they were: status, code, X-Request-Id", async () => {
  const p = await proxy();
  const c = browserClient(p.url, { retries: 0 });
  const missing = await failure(c.showPublicip("00000000-0000-4000-8000-000000000000"));
  assert.deepEqual([missing.kind, missing.status, missing.code], ["api", 404, "VPC.0504"]);
  assert.match(missing.requestId, /^[0-9a-f]{32}$/);

  // A 409: deleting a bound EIP.
  const { publicip } = await c.createPublicip(PER_BODY);
  await waitFor(c, publicip.id, "DOWN");
  await c.bindPublicip(publicip.id, WEB_PORT);
  const bound = await failure(c.deletePublicip(publicip.id));
  assert.deepEqual([bound.kind, bound.status, bound.code], ["api", 409, "VPC.0515"]);
  const again = await failure(c.bindPublicip(publicip.id, WEB_PORT));
  assert.equal(again.status, 409);

  // Injected faults, with their request ids.
  await emu.fault({ type: "status", status: 503 }, { operation: "listPublicips" });
  const down = await failure(c.listPublicips());
  assert.deepEqual([down.kind, down.status, down.code, down.retryable], ["api", 503, "VPC.0500", true]);
  assert.match(down.requestId, /^[0-9a-f]{32}$/);
  await emu.fault({ type: "retryAfter", seconds: 1 }, { operation: "listPorts" });
  const limited = await failure(c.listPorts({ device_id: WEB_SERVER }));
  assert.deepEqual([limited.status, limited.code], [429, "APIGW.0308"]);
  assert.match(limited.requestId, /^[0-9a-f]{32}$/);
  await emu.fault({ type: "status", status: 400, body: { error_code: "VPC.0501", error_msg: "bad" } }, { operation: "createPublicip" });
  const refused = await failure(c.createPublicip(PER_BODY));
  assert.deepEqual([refused.status, refused.code, refused.message], [400, "VPC.0501", "bad"]);
});

test("the page's client retries, not the proxy: a 503 then success is two upstream requests, a create's 503 one", async () => {
  const p = await proxy();
  const c = browserClient(p.url, { retries: 2 });
  await emu.fault({ type: "status", status: 503 }, { operation: "listPorts" });
  assert.equal((await c.listPorts({ device_id: WEB_SERVER })).ports.length, 1);
  assert.equal((await emu.requests("listPorts")).length, 2);
  await emu.fault({ type: "status", status: 503 }, { operation: "createPublicip" });
  const error = await failure(c.createPublicip(PER_BODY));
  assert.deepEqual([error.status, error.retryable], [503, false]);
  assert.equal((await emu.requests("createPublicip")).length, 1, "a create is never repeated");
});

test("the proxy's own refusals reach the page's client as api errors: 401, 403 (allow), 400 (policy)", async () => {
  const p = await proxy({
    allow: ["createPublicip", "showPublicip", "listPublicips", "listPorts"],
    policy: (operation, input) => (operation === "createPublicip" && input.bandwidth.size > 100
      ? [{ path: "bandwidth.size", code: "range", severity: "error", message: "at most 100 Mbit/s through this console", params: { max: 100 } }]
      : undefined),
  });
  const stranger = new EipClient({ endpoint: p.url, projectId: PROJECT, auth: { headers: { Authorization: "Bearer nobody" } } });
  const unauthorized = await failure(stranger.listPorts({ device_id: WEB_SERVER }));
  assert.deepEqual([unauthorized.kind, unauthorized.status, unauthorized.code], ["api", 401, "unauthorized"]);

  const c = browserClient(p.url);
  const notAllowed = await failure(c.deletePublicip("00000000-0000-4000-8000-000000000000"));
  assert.deepEqual([notAllowed.status, notAllowed.code], [403, "operation_not_allowed"]);
  const bind = await failure(c.bindPublicip("00000000-0000-4000-8000-000000000000", WEB_PORT));
  assert.deepEqual([bind.status, bind.code], [403, "operation_not_allowed"]);

  const big = await failure(c.createPublicip({ ...PER_BODY, bandwidth: { ...PER_BODY.bandwidth, size: 200 } }));
  assert.deepEqual([big.kind, big.status, big.code, big.message], ["api", 400, "policy", "at most 100 Mbit/s through this console"]);
  assert.equal((await c.createPublicip(PER_BODY)).publicip.status, "PENDING_CREATE");
  assert.deepEqual((await emu.requests()).map((r) => r.operation), ["createPublicip"], "only the allowed, valid call went upstream");
});

test("basePath: the proxy under /api, the client's endpoint with that path", async () => {
  const p = await proxy({ basePath: "/api/eip" });
  const c = browserClient(`${p.url}/api/eip`);
  assert.equal((await c.listPorts({ device_id: WEB_SERVER })).ports.length, 1);
  const outside = await failure(browserClient(p.url, { retries: 0 }).listPorts({ device_id: WEB_SERVER }));
  assert.deepEqual([outside.status, outside.code], [404, "not_found"]);
  assert.equal((await emu.requests()).length, 1);
});

test("bad options throw a validation EipError at construction", () => {
  const base = { endpoint: emu.url, projectId: PROJECT, auth: { token: TOKEN }, authorize: () => true };
  const cases = [
    [{ ...base, authorize: undefined }, "authorize"],
    [{ ...base, allow: ["deletePublicips"] }, "allow.0"],
    [{ ...base, allow: "listPorts" }, "allow"],
    [{ ...base, policy: "strict" }, "policy"],
    [{ ...base, cors: { origins: ["*"] } }, "cors.origins.0"],
    [{ ...base, cors: { origins: ["https://console.example.com/"] } }, "cors.origins.0"],
    [{ ...base, cors: {} }, "cors.origins"],
    [{ ...base, basePath: "api" }, "basePath"],
    [{ ...base, basePath: "/a/../b" }, "basePath"],
    [{ ...base, maxBodyBytes: 0 }, "maxBodyBytes"],
    [{ ...base, endpoint: "http://vpc.example.com" }, "endpoint"],
    [{ ...base, auth: { token: "" } }, "auth"],
  ];
  for (const [options, path] of cases) {
    assert.throws(() => createEipProxy(options), (error) => {
      assert.ok(error instanceof EipError, String(error));
      assert.equal(error.kind, "validation");
      assert.ok(error.issues.some((i) => i.path === path), `${path}: ${JSON.stringify(error.issues)}`);
      return true;
    });
  }
  assert.throws(() => createEipProxy(null), EipError);
  assert.throws(() => createEipProxy({ ...base, auth: { token: "secret-token-xyz" }, endpoint: "ftp://x" }), (error) => !JSON.stringify(error).includes("secret-token-xyz"));
});

test("examples/proxy.mjs: the README's commands work", async () => {
  const child = spawn(process.execPath, ["examples/proxy.mjs", "--port", "0"], { cwd: fileURLToPath(new URL("../..", import.meta.url)), stdio: ["ignore", "pipe", "inherit"] });
  try {
    const line = await new Promise((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d) => {
        out += d;
        if (out.includes("\n")) resolve(out);
      });
      child.on("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line)[1];
    const path = `/v1/${PROJECT}/ports?device_id=${WEB_SERVER}`;
    const ok = await fetch(url + path, { headers: { Authorization: "Bearer demo-session" } });
    assert.equal(ok.status, 200);
    assert.deepEqual((await ok.json()).ports.map((port) => port.id), [WEB_PORT]);
    assert.equal((await fetch(url + path)).status, 401);
    const c = new EipClient({ endpoint: url, projectId: PROJECT, auth: { headers: { Authorization: "Bearer demo-session" } } });
    const big = await failure(c.createPublicip({ ...PER_BODY, bandwidth: { ...PER_BODY.bandwidth, size: 200 } }));
    assert.deepEqual([big.status, big.code], [400, "policy"]);
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    assert.equal(await exited, 0);
  }
});

test("the web entry (Deno, bundlers): no init() to call; options it could not check at once are a 500 that says why", async () => {
  // In a process of its own, with a fetch that reads file: URLs as a server would serve them.
  const source = `
    import { readFile } from "node:fs/promises";
    const overTheNetwork = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.protocol !== "file:") return overTheNetwork(input, init);
      return new Response(await readFile(url), { headers: { "content-type": "application/wasm" } });
    };
    const { createEipProxy } = await import("./js/proxy/web.js");
    const base = { projectId: "${PROJECT}", auth: { token: "secret-token-xyz" }, authorize: () => true };
    const bad = createEipProxy({ ...base, endpoint: "http://vpc.example.com" });
    const good = createEipProxy({ ...base, endpoint: process.argv[1], auth: { token: "${TOKEN}" } });
    const ask = async (handler) => {
      const response = await handler(new Request("http://proxy.test/v1/${PROJECT}/ports?device_id=${WEB_SERVER}"));
      return { status: response.status, body: await response.json() };
    };
    console.log(JSON.stringify({ bad: await ask(bad), good: await ask(good) }));
  `;
  const child = spawn(process.execPath, ["--input-type=module", "-e", source, emu.url], { cwd: fileURLToPath(new URL("../..", import.meta.url)), stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => { out += d; });
  child.stderr.on("data", (d) => { err += d; });
  assert.equal(await new Promise((resolve) => child.on("exit", resolve)), 0, err);
  const { bad, good } = JSON.parse(out);
  assert.equal(bad.status, 500);
  assert.equal(bad.body.code, "misconfigured");
  assert.match(bad.body.message, /endpoint/);
  assert.ok(!JSON.stringify(bad).includes("secret-token-xyz"));
  assert.equal(good.status, 200);
  assert.deepEqual(good.body.ports.map((p) => p.id), [WEB_PORT]);
});

test("toNodeListener: a failing handler answers 500 and the server goes on; bodies streamed both ways; cookies kept apart", async () => {
  const handler = async (request) => {
    const path = new URL(request.url).pathname;
    if (path === "/throw") throw new Error("handler bug");
    if (path === "/sync-throw") return JSON.parse("{");
    if (path === "/not-a-response") return { status: 200 };
    if (path === "/echo") {
      let bytes = 0;
      for await (const chunk of request.body) bytes += chunk.byteLength;
      return Response.json({ bytes });
    }
    if (path === "/cookies") {
      const headers = new Headers([["set-cookie", "a=1"], ["set-cookie", "b=2"]]);
      return new Response("ok", { headers });
    }
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 100; i++) controller.enqueue(new TextEncoder().encode("x".repeat(10_000)));
        controller.close();
      },
    });
    return new Response(stream, { status: 201 });
  };
  const server = createServer(toNodeListener(handler));
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  try {
    for (const path of ["/throw", "/sync-throw", "/not-a-response"]) {
      const answer = await fetch(url + path);
      assert.equal(answer.status, 500, path);
      assert.deepEqual(await answer.json(), { code: "internal", message: "the proxy failed" });
    }
    const echoed = await fetch(`${url}/echo`, { method: "POST", body: "y".repeat(1_000_000) });
    assert.deepEqual((await echoed.json()).bytes, 1_000_000);
    const streamed = await fetch(`${url}/stream`);
    assert.equal(streamed.status, 201);
    assert.equal((await streamed.text()).length, 1_000_000);
    const cookies = await fetch(`${url}/cookies`);
    assert.deepEqual(cookies.headers.getSetCookie(), ["a=1", "b=2"]);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
