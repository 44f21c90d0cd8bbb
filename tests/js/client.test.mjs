// EipClient against the local emulator: every operation, every error kind, retries (counted on
// the server), abort, token renewal, AK/SK, secrets kept out of errors.
import { test, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { EipClient, EipError, iamTokenProvider } from "eipkit";
import { emulator, eventually, PROJECT, TOKEN, AK, SK, USER, WEB_SERVER, WEB_PORT, PER_BODY } from "./support.mjs";

let emu;
before(async () => { emu = await emulator(); });
after(() => emu.close());
beforeEach(() => emu.reset());

const client = (options = {}) => new EipClient({ endpoint: emu.url, projectId: PROJECT, auth: { token: TOKEN }, ...options });

/** Awaits a rejection and returns the EipError. */
async function failure(promise) {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof EipError, `not an EipError: ${error}`);
    assert.ok(error instanceof Error);
    return error;
  }
  assert.fail("expected a rejection");
}

const waitFor = (c, id, status) => eventually(async () => (await c.showPublicip(id)).publicip.status === status);

test("create, show, bind, unbind, convert, list and delete", async () => {
  const c = client();
  const { publicip } = await c.createPublicip({ ...PER_BODY, publicip: { type: "5_bgp", alias: "测试-eip_01" } });
  assert.equal(publicip.status, "PENDING_CREATE");
  assert.equal(publicip.alias, "测试-eip_01");
  await waitFor(c, publicip.id, "DOWN");

  const { ports } = await c.listPorts({ device_id: WEB_SERVER });
  assert.deepEqual(ports.map((p) => p.id), [WEB_PORT]);
  assert.equal(ports[0]["binding:vif_details"].primary_interface, true, "wire keys kept");

  const bound = await c.bindPublicip(publicip.id, WEB_PORT);
  assert.equal(bound.publicip.status, "BINDING");
  await waitFor(c, publicip.id, "ACTIVE");
  assert.equal((await c.showPublicip(publicip.id)).publicip.port_id, WEB_PORT);

  assert.equal((await c.unbindPublicip(publicip.id)).publicip.status, "PENDING_UPDATE");
  await waitFor(c, publicip.id, "DOWN");
  const converted = await c.updatePublicip(publicip.id, { publicip: { ip_version: 6 } });
  assert.equal(converted.publicip.ip_version, 6);
  assert.ok(converted.publicip.public_ipv6_address);

  const { publicips } = await c.listPublicips({ ip_version: 6 });
  assert.deepEqual(publicips.map((p) => p.id), [publicip.id]);
  assert.equal(await c.deletePublicip(publicip.id), undefined);
  await eventually(async () => (await c.listPublicips()).publicips.length === 0);
});

test("prepaid create answers an order, and the EIP appears", async () => {
  const c = client();
  const answer = await c.createPrepaidPublicip({
    ...PER_BODY,
    extendParam: { charge_mode: "prePaid", period_type: "month", period_num: 1, is_auto_pay: true },
  });
  assert.match(answer.order_id, /^CS[A-Z0-9]{15}$/);
  assert.equal(typeof answer.publicip_id, "string");
  const shown = await c.showPublicip(answer.publicip_id);
  assert.equal(shown.publicip.profile.order_id, answer.order_id);
  const postpaid = await c.createPrepaidPublicip(PER_BODY);
  assert.equal(typeof postpaid.publicip.id, "string");
});

test("every page, in order", async () => {
  const c = client();
  const ids = [];
  for (let i = 0; i < 5; i++) ids.push((await c.createPublicip(PER_BODY)).publicip.id);
  const pages = [];
  for await (const page of c.listPublicipsPages({ limit: 2 })) pages.push(page.publicips.map((p) => p.id));
  assert.deepEqual(pages.map((p) => p.length), [2, 2, 1]);
  assert.deepEqual(pages.flat(), ids);
  const all = [];
  for await (const eip of c.listAllPublicips()) all.push(eip.id);
  assert.deepEqual(all, ids);
});

test("validation: invalid input rejects before any network call", async () => {
  const c = client();
  const cases = [
    [c.createPublicip({ publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", size: 2001 } }), "bandwidth.size"],
    [c.updatePublicip("f588ccfa-8750-4d7c-bf5d-2ede24414706", JSON.parse('{"publicip":{"ip_version ":6}}')), "publicip.ip_version "],
    [c.bindPublicip("f588ccfa-8750-4d7c-bf5d-2ede24414706", "too-short"), "publicip.port_id"],
    [c.showPublicip("../../admin"), "publicip_id"],
    [c.deletePublicip(42), "publicip_id"],
    [c.listPorts({ deviceId: WEB_SERVER }), "deviceId"],
    [c.listPublicips({ limit: 0 }), "limit"],
    [c.showPublicip("abc", { timeoutMs: -1 }), "options.timeoutMs"],
    [c.showPublicip("abc", { signal: "nope" }), "options.signal"],
  ];
  for (const [promise, path] of cases) {
    const error = await failure(promise);
    assert.equal(error.kind, "validation");
    assert.equal(error.retryable, false);
    assert.ok(error.issues.some((i) => i.path === path), `${path}: ${JSON.stringify(error.issues)}`);
  }
  assert.deepEqual(await emu.requests(), [], "nothing was sent");
});

test("validation messages follow the client's locale", async () => {
  const error = await failure(client({ locale: "zh-CN" }).createPublicip({ publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", name: "bw", size: 0 } }));
  assert.equal(error.message, "bandwidth.size 必须在 1 到 2000 之间。");
});

test("api errors carry status, code, message and request id", async () => {
  const c = client();
  const missing = await failure(c.showPublicip("f588ccfa-8750-4d7c-bf5d-2ede24414706"));
  assert.equal(missing.kind, "api");
  assert.equal(missing.status, 404);
  assert.equal(missing.code, "VPC.0504");
  assert.match(missing.requestId, /^[0-9a-f]{32}$/);
  assert.equal(missing.retryable, false);
  assert.equal(missing.operation, "showPublicip");

  const { publicip } = await c.createPublicip(PER_BODY);
  await waitFor(c, publicip.id, "DOWN");
  await c.bindPublicip(publicip.id, WEB_PORT);
  const second = (await c.createPublicip(PER_BODY)).publicip;
  await waitFor(c, second.id, "DOWN");
  const taken = await failure(c.bindPublicip(second.id, WEB_PORT));
  assert.deepEqual([taken.status, taken.code], [409, "VPC.0511"]);
});

test("network, timeout and response errors are their own kinds", async () => {
  const c = client({ retries: 0 });
  await emu.fault({ type: "reset" }, { operation: "showPublicip" });
  const reset = await failure(c.showPublicip("abc"));
  assert.equal(reset.kind, "network");
  assert.equal(reset.retryable, true, "a GET may be repeated");

  await emu.fault({ type: "hang" }, { operation: "showPublicip" });
  const started = Date.now();
  const timeout = await failure(c.showPublicip("abc", { timeoutMs: 150 }));
  assert.equal(timeout.kind, "timeout");
  assert.ok(Date.now() - started < 2000, "the per-call timeout applied");

  for (const fault of [{ type: "malformed" }, { type: "wrongShape" }, { type: "empty", status: 200 }]) {
    await emu.fault(fault, { operation: "showPublicip" });
    const response = await failure(c.showPublicip("abc"));
    assert.equal(response.kind, "response", fault.type);
    assert.equal(response.status, 200);
    assert.match(response.requestId, /^[0-9a-f]{32}$/, "the request id is kept");
  }

  await emu.fault({ type: "html", status: 502 }, { operation: "listPorts" });
  const html = await failure(c.listPorts({ device_id: WEB_SERVER }));
  assert.equal(html.kind, "api");
  assert.equal(html.status, 502);
  assert.match(html.message, /HTML page/);
});

test("retries: idempotent calls are repeated, counted on the server", async () => {
  const c = client({ retries: 2 });
  const { publicip } = await c.createPublicip(PER_BODY);
  await emu.fault({ type: "status", status: 503 }, { operation: "showPublicip" }, 2);
  assert.equal((await c.showPublicip(publicip.id)).publicip.id, publicip.id);
  assert.equal((await emu.requests("showPublicip")).length, 3);

  await emu.fault({ type: "status", status: 503 }, { operation: "listPorts" }, 5);
  const exhausted = await failure(c.listPorts({ device_id: WEB_SERVER }));
  assert.deepEqual([exhausted.kind, exhausted.status, exhausted.retryable], ["api", 503, true]);
  assert.equal((await emu.requests("listPorts")).length, 3, "1 + 2 retries");

  await emu.fault({ type: "reset" }, { operation: "deletePublicip" });
  await c.deletePublicip(publicip.id);
  assert.equal((await emu.requests("deletePublicip")).length, 2);
});

test("retries: a create is never sent twice", async () => {
  const c = client({ retries: 5 });
  for (const fault of [{ type: "status", status: 503 }, { type: "reset" }, { type: "status", status: 500 }]) {
    await emu.reset();
    await emu.fault(fault, { operation: "createPublicip" });
    const error = await failure(c.createPublicip(PER_BODY));
    assert.equal(error.retryable, false, `${fault.type}: the EIP may exist; repeating could buy another`);
    assert.equal((await emu.requests("createPublicip")).length, 1, fault.type);
  }
  await emu.reset();
  await emu.fault({ type: "hang" }, { operation: "createPrepaidPublicip" });
  const timeout = await failure(c.createPrepaidPublicip(PER_BODY, { timeoutMs: 100 }));
  assert.deepEqual([timeout.kind, timeout.retryable], ["timeout", false]);
  assert.equal((await emu.requests("createPrepaidPublicip")).length, 1);

  await emu.fault({ type: "retryAfter", seconds: 1 }, { operation: "createPublicip" });
  const limited = await failure(c.createPublicip(PER_BODY));
  assert.deepEqual([limited.status, limited.retryable], [429, true], "429: refused unprocessed, safe for the caller to repeat");
  assert.equal((await emu.requests("createPublicip")).length, 1, "but the library does not repeat a create");
});

test("retries honour Retry-After", async () => {
  const c = client({ retries: 1 });
  await emu.fault({ type: "retryAfter", seconds: 1 }, { operation: "listPublicips" });
  const started = Date.now();
  await c.listPublicips();
  assert.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms`);
  assert.equal((await emu.requests("listPublicips")).length, 2);
});

test("AbortSignal: before the call, in flight, and during a backoff", async () => {
  const c = client({ retries: 3 });
  const early = await failure(c.showPublicip("abc", { signal: AbortSignal.abort() }));
  assert.equal(early.kind, "aborted");
  assert.equal((await emu.requests()).length, 0);

  await emu.fault({ type: "hang" }, { operation: "listPorts" });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 50);
  const inflight = await failure(c.listPorts({ device_id: WEB_SERVER }, { signal: controller.signal }));
  assert.deepEqual([inflight.kind, inflight.retryable], ["aborted", false]);

  await emu.fault({ type: "retryAfter", seconds: 2 }, { operation: "listPublicips" });
  const during = new AbortController();
  setTimeout(() => during.abort(), 100);
  const started = Date.now();
  const backoff = await failure(c.listPublicips({}, { signal: during.signal }));
  assert.equal(backoff.kind, "aborted");
  assert.ok(Date.now() - started < 1500, "the wait was cut short");
});

test("AK/SK: the emulator verifies the signature; a wrong key is refused without leaking it", async () => {
  const signed = client({ auth: { ak: AK, sk: SK } });
  const { publicip } = await signed.createPublicip(PER_BODY);
  await signed.showPublicip(publicip.id);
  assert.ok((await emu.requests()).every((r) => r.auth === "aksk" && r.status < 300));

  const wrong = client({ auth: { ak: AK, sk: "wrong-secret-key-0123456789" } });
  const error = await failure(wrong.listPublicips());
  assert.deepEqual([error.kind, error.status, error.code], ["api", 401, "APIGW.0301"]);
  assert.ok(!JSON.stringify(error).includes("wrong-secret-key"));
});

test("secrets never appear in errors, even when the service echoes them", async () => {
  const secret = "tok-0123456789-secret";
  const c = new EipClient({ endpoint: emu.url, projectId: PROJECT, auth: { token: secret }, retries: 0 });
  await emu.fault({ type: "status", status: 400, body: { code: "VPC.0008", message: `token ${secret} is not valid` } });
  const error = await failure(c.listPublicips());
  for (const text of [error.message, String(error), JSON.stringify(error), error.stack]) {
    assert.ok(!text.includes(secret), text);
  }
  assert.match(error.message, /token \*\*\* is not valid/);
});

test("a token provider: one IAM sign-in for many calls, renewal before expiry and after a 401", async () => {
  await emu.reset({ tokenTtlMs: 2_000 });
  const provider = iamTokenProvider({ endpoint: emu.url, ...USER, projectId: PROJECT, renewBeforeMs: 1_000 });
  const c = client({ auth: { tokenProvider: provider } });
  await Promise.all(Array.from({ length: 8 }, () => c.listPublicips()));
  assert.equal((await emu.requests("iamToken")).length, 1, "one renewal in flight for eight waiting calls");
  assert.ok(provider.expiresAt instanceof Date);

  await new Promise((r) => setTimeout(r, 1_100)); // within renewBeforeMs of expiry
  await c.listPublicips();
  assert.equal((await emu.requests("iamToken")).length, 2, "renewed before it expired");

  await emu.control("POST", "tokens/expire");
  await c.listPublicips();
  const log = await emu.requests();
  assert.deepEqual(log.slice(-3).map((r) => [r.operation, r.status]), [["listPublicips", 401], ["iamToken", 201], ["listPublicips", 200]]);
});

test("IAM sign-in failures are api errors without the password", async () => {
  const provider = iamTokenProvider({ endpoint: emu.url, ...USER, password: "not-the-password", projectId: PROJECT });
  const error = await failure(client({ auth: { tokenProvider: provider } }).listPublicips());
  assert.deepEqual([error.kind, error.status, error.operation], ["api", 401, "iamToken"]);
  assert.ok(!JSON.stringify(error).includes("not-the-password"));
  assert.throws(() => iamTokenProvider({ endpoint: emu.url, user: "u" }), (e) => e instanceof EipError && e.kind === "validation");
});

test("a custom token provider and a custom fetch", async () => {
  let asked = 0;
  const seen = [];
  const c = client({
    auth: { tokenProvider: async ({ forceRefresh }) => { asked++; assert.equal(typeof forceRefresh, "boolean"); return TOKEN; } },
    fetch: (request) => { seen.push(`${request.method} ${new URL(request.url).pathname}`); return fetch(request); },
  });
  await c.listPorts({ device_id: WEB_SERVER });
  assert.equal(asked, 1);
  assert.deepEqual(seen, [`GET /v1/${PROJECT}/ports`]);

  const broken = client({ fetch: () => "not a response", retries: 0 });
  assert.equal((await failure(broken.listPublicips())).kind, "network");
  const throwing = client({ auth: { tokenProvider: () => { throw new Error("vault offline"); } } });
  const error = await failure(throwing.listPublicips());
  assert.match(error.message, /token provider failed: vault offline/);
});

test("auth: { headers } sends exactly those headers, and no cloud credential (in front of a proxy)", async () => {
  const seen = [];
  const c = client({
    auth: { headers: { Authorization: "Bearer console-session", "X-Console-Csrf": "c1" } },
    fetch: (request) => {
      seen.push(Object.fromEntries(request.headers));
      return new Response(JSON.stringify({ ports: [] }), { headers: { "Content-Type": "application/json" } });
    },
  });
  assert.deepEqual(await c.listPorts({ device_id: WEB_SERVER }), { ports: [] });
  assert.equal(seen.length, 1);
  assert.equal(seen[0].authorization, "Bearer console-session");
  assert.equal(seen[0]["x-console-csrf"], "c1");
  for (const cloud of ["x-auth-token", "x-sdk-date", "x-project-id"]) assert.equal(seen[0][cloud], undefined, cloud);
  // The session is a secret like any credential: an echo of it never reaches an error.
  const echo = client({
    auth: { headers: { Authorization: "Bearer console-session" } },
    fetch: () => new Response(JSON.stringify({ error_code: "X.1", error_msg: "bad session Bearer console-session" }), { status: 403 }),
  });
  const error = await failure(echo.listPorts({ device_id: WEB_SERVER }));
  assert.equal(error.status, 403);
  assert.doesNotMatch(error.message, /console-session/);
});

test("bad options throw a validation EipError at construction", () => {
  const cases = [
    [{ endpoint: "http://vpc.example.com", projectId: PROJECT, auth: { token: TOKEN } }, "endpoint"],
    [{ endpoint: emu.url, projectId: "../p", auth: { token: TOKEN } }, "projectId"],
    [{ endpoint: emu.url, projectId: PROJECT, auth: { ak: AK } }, "auth.sk"],
    [{ endpoint: emu.url, projectId: PROJECT, auth: { token: TOKEN }, retries: 99 }, "retries"],
    [{ endpoint: emu.url, projectId: PROJECT, auth: { token: TOKEN }, timeout: 5 }, "timeout"],
    [undefined, ""],
  ];
  for (const [options, path] of cases) {
    assert.throws(() => new EipClient(options), (e) => e instanceof EipError && e.kind === "validation" && e.issues.some((i) => i.path === path), path);
  }
});
