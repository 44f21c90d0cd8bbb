// The client never follows a redirect and never buffers an answer without bound: for every
// operation and both auth kinds, a 3xx (to the same origin or another) rejects with kind
// "response" and nothing reaches the other location; an answer over maxResponseBytes is refused
// while it is read, and the process does not grow by the answer's size.
import { test, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { EipClient, EipError, iamTokenProvider } from "eipkit";
import { emulator, PROJECT, TOKEN, AK, SK, USER, WEB_SERVER, WEB_PORT, PER_BODY } from "./support.mjs";

const EIP = "f588ccfa-8750-4d7c-bf5d-2ede24414706";
const PREPAID_BODY = { ...PER_BODY, extendParam: { charge_mode: "prePaid", period_type: "month", period_num: 1 } };
/** Every request method of EipClient, with the emulator's name of the operation it sends. */
const CALLS = [
  ["createPublicip", (c) => c.createPublicip(PER_BODY)],
  ["createPrepaidPublicip", (c) => c.createPrepaidPublicip(PREPAID_BODY)],
  ["updatePublicip", (c) => c.updatePublicip(EIP, { publicip: { ip_version: 6 } })],
  ["updatePublicip", (c) => c.bindPublicip(EIP, WEB_PORT)],
  ["updatePublicip", (c) => c.unbindPublicip(EIP)],
  ["showPublicip", (c) => c.showPublicip(EIP)],
  ["listPublicips", (c) => c.listPublicips({ limit: 10 })],
  ["deletePublicip", (c) => c.deletePublicip(EIP)],
  ["listPorts", (c) => c.listPorts({ device_id: WEB_SERVER })],
];
const AUTHS = { token: { token: TOKEN }, aksk: { ak: AK, sk: SK } };

let emu;
/** Another origin, which must never be reached: every request it gets is recorded. */
let elsewhere;
const reached = [];

before(async () => {
  emu = await emulator();
  elsewhere = createServer((req, res) => {
    reached.push({ method: req.method, url: req.url, headers: req.headers });
    res.writeHead(200, { "Content-Type": "application/json" }).end('{"publicip":{"id":"x"}}');
  });
  await new Promise((resolve) => elsewhere.listen(0, "127.0.0.1", resolve));
});
after(async () => {
  await emu?.close();
  await new Promise((resolve) => elsewhere?.close(resolve));
});
beforeEach(async () => {
  await emu.reset();
  reached.length = 0;
});

const client = (auth, extra = {}) => new EipClient({ endpoint: emu.url, projectId: PROJECT, auth, retries: 2, ...extra });

async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail("resolved, expected a rejection");
}

test("a redirect, to this origin or another, is never followed: kind response, for every operation and auth", async () => {
  const other = `http://127.0.0.1:${elsewhere.address().port}`;
  for (const status of [301, 302, 303, 307, 308]) {
    for (const [where, location, named] of [
      ["another origin", `${other}/v1/${PROJECT}/publicips?token=leak`, other],
      ["the same origin", `/v1/${PROJECT}/publicips/${EIP}`, "another path of the same origin"],
    ]) {
      for (const [authName, auth] of Object.entries(AUTHS)) {
        for (const [operation, call] of CALLS) {
          await emu.reset();
          await emu.fault({ type: "status", status, headers: { Location: location }, body: "" }, { operation });
          const error = await rejection(call(client(auth)));
          const what = `${status} to ${where}, ${authName}, ${operation}`;
          assert.ok(error instanceof EipError, what);
          assert.equal(error.kind, "response", `${what}: ${error.message}`);
          assert.equal(error.status, status, what);
          assert.equal(error.retryable, false, what);
          assert.match(error.message, /does not follow redirects/, what);
          assert.ok(error.message.includes(named), `${what}: ${error.message}`);
          assert.doesNotMatch(error.message, /leak/, "only the origin is named");
          const sent = await emu.requests();
          assert.equal(sent.length, 1, `${what}: one request, not followed (${sent.map((r) => r.path)})`);
        }
      }
    }
  }
  assert.deepEqual(reached, [], "nothing reached the other origin");
});

test("the IAM token provider does not follow a redirect either", async () => {
  const other = `http://127.0.0.1:${elsewhere.address().port}`;
  await emu.fault({ type: "status", status: 307, headers: { Location: `${other}/v3/auth/tokens` }, body: "" }, { operation: "iamToken" });
  const provider = iamTokenProvider({ endpoint: emu.url, ...USER, projectName: "cn-north-4" });
  const error = await rejection(provider({ forceRefresh: false }));
  assert.equal(error.kind, "response", error.message);
  assert.deepEqual(reached, [], "the password never went elsewhere");
});

test("an answer over maxResponseBytes is refused while it is read, for every operation and auth, with or without Content-Length", async () => {
  for (const length of [true, false]) {
    for (const [authName, auth] of Object.entries(AUTHS)) {
      for (const [operation, call] of CALLS) {
        await emu.reset();
        await emu.fault({ type: "huge", bytes: 20 * 1024 * 1024, length }, { operation });
        const error = await rejection(call(client(auth, { maxResponseBytes: 64 * 1024 })));
        const what = `${operation}, ${authName}, Content-Length ${length}`;
        assert.equal(error.kind, "response", `${what}: ${error.message}`);
        assert.equal(error.status, 200, what);
        assert.match(error.message, /longer than 65536 bytes/, what);
      }
    }
  }
  // Under the limit, the same client reads a normal answer.
  const ok = await client(AUTHS.token, { maxResponseBytes: 64 * 1024 }).listPorts({ device_id: WEB_SERVER });
  assert.equal(ok.ports.length, 1);
});

test("a 300 MB answer with the default limit (8 MiB) does not grow the process by its size", async () => {
  for (const length of [true, false]) {
    await emu.fault({ type: "huge", bytes: 300 * 1024 * 1024, length }, { operation: "listPublicips" });
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    const error = await rejection(client(AUTHS.token).listPublicips());
    const grown = (process.memoryUsage().rss - before) / 1024 / 1024;
    assert.equal(error.kind, "response", error.message);
    assert.match(error.message, /longer than 8388608 bytes/);
    assert.ok(grown < 120, `the process grew by ${grown.toFixed(0)} MB reading a 300 MB answer (Content-Length ${length})`);
  }
});

test("maxResponseBytes is checked like every option", () => {
  for (const bad of [0, -1, 1.5, "8MB", 2 ** 31]) {
    assert.throws(
      () => client(AUTHS.token, { maxResponseBytes: bad }),
      (e) => e instanceof EipError && e.issues.some((i) => i.path === "maxResponseBytes"),
      String(bad),
    );
  }
});
