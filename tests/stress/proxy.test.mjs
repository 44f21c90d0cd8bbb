// eipkit/proxy under attack and under load.
//
// Hostile requests, sent raw (node:http with the path as written, or a bare socket), each with
// its expected status AND an empty emulator request log afterwards: nothing reached upstream.
// Upstream faults answered as they should be, with their request ids. Every answer of the file
// is searched for the proxy's token, AK and SK. Then a load run: thousands of mixed calls from
// EipClients (retries on) through the proxy, many in flight, with random upstream faults; every
// answer is checked, no create is sent upstream twice, and no EIP is orphaned.
//
//   STRESS_SEED=<n>            replay the load run with another seed (printed at the start)
//   STRESS_PROXY_MS=<ms>       its time budget (default 20000, at most 60000)
//   STRESS_PROXY_OPS=<n>       its number of operations (default 3000)
import { test, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import net from "node:net";
import { EipClient, EipError } from "eipkit";
import { serveProxy } from "../js/support.mjs";
import {
  emulator, emulatorProcess, prng, recordingFetch, operationOf, CREATE_OPERATIONS, settle, eipErrorProblems, describeOutcome,
  uncaughtCollector, sleep, waitStatus, PROJECT, TOKEN, AK, SK, WEB_SERVER, WEB_PORT, DB_SECONDARY_PORT, PER_BODY, PREPAID_BODY, MISSING_ID,
} from "./helpers.mjs";

const uncaught = uncaughtCollector();
const ORIGIN = "https://console.example.com";
const SESSION = "Bearer s1";
const SECRETS = [TOKEN, AK, SK];
const EIPS = `/v1/${PROJECT}/publicips`;
const PORTS = `/v1/${PROJECT}/ports`;
const JSON_HEADERS = { authorization: SESSION, "content-type": "application/json" };

/** Every answer of the file (status line, headers, body), searched for secrets at the end. */
const answers = [];

/**
 * Sends one request as written (the path is not normalised: node:http sends it as given) and
 * resolves to `{ status, headers, text }`. `chunks`: the body in pieces, sent chunked (no
 * Content-Length) unless `headers` sets one.
 */
function send(base, { method = "GET", path, headers = {}, body, chunks } = {}) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, method, path, headers, agent: false }, (res) => {
      const parts = [];
      res.on("data", (d) => parts.push(d));
      res.on("end", () => {
        const text = Buffer.concat(parts).toString("utf8");
        answers.push(`${res.statusCode} ${JSON.stringify(res.headers)} ${text}`);
        resolve({ status: res.statusCode, headers: res.headers, text, json: parseJson(text) });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    if (chunks) {
      (async () => {
        for (const chunk of chunks) {
          if (!req.write(chunk)) await new Promise((r) => req.once("drain", r));
        }
        req.end();
      })().catch(reject);
    } else {
      req.end(body);
    }
  });
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Writes `text` on a bare socket and resolves to everything the server answered. */
function rawHttp(base, text) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(text)); // "Connection: close" ends it
    const parts = [];
    socket.on("data", (d) => parts.push(d));
    socket.on("error", () => {});
    socket.on("close", () => {
      const answer = Buffer.concat(parts).toString("utf8");
      answers.push(answer);
      resolve({ answer, status: Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0) });
    });
  });
}

let emu, proxy, signed;
const authorizeCalls = { count: 0 };
const policyCalls = [];

const policy = (operation, input) => {
  policyCalls.push(operation);
  const issues = [];
  if (input?.bandwidth?.size > 100) {
    issues.push({ path: "bandwidth.size", code: "range", severity: "error", message: "at most 100 Mbit/s through this console", params: { max: 100 } });
  }
  if (operation === "createPrepaidPublicip" && input.extendParam?.charge_mode === "prePaid") {
    issues.push({ path: "extendParam.charge_mode", code: "enum", message: "prepaid EIPs are bought in the billing console", params: { allowed: ["postPaid"] } });
  }
  if (input?.publicip?.alias === "policy-throws") throw new Error(`policy bug with ${TOKEN}`);
  if (input?.publicip?.alias === "policy-answers-junk") return "no";
  return issues;
};

const authorize = async (request) => {
  authorizeCalls.count++;
  const header = request.headers.get("authorization");
  if (header === "Bearer throw") throw new Error(`session store down (${TOKEN})`);
  if (header === "Bearer reject") return Promise.reject(new Error("rejected"));
  if (header === "Bearer yes") return "yes";
  if (header === "Bearer one") return 1;
  return header === SESSION;
};

before(async () => {
  emu = await emulator({ transitionMs: 20 });
  const options = {
    endpoint: emu.url,
    projectId: PROJECT,
    authorize,
    policy,
    allow: ["createPublicip", "createPrepaidPublicip", "bindPublicip", "showPublicip", "listPublicips", "listPorts", "updatePublicip"],
    cors: { origins: [ORIGIN] },
    timeoutMs: 300,
  };
  proxy = await serveProxy({ ...options, auth: { token: TOKEN } });
  signed = await serveProxy({ ...options, auth: { ak: AK, sk: SK } });
});
after(async () => {
  await proxy?.close();
  await signed?.close();
  await emu?.close();
});
beforeEach(() => emu.reset());

/** The emulator's request log is empty: nothing of the case reached upstream. */
async function nothingUpstream(label) {
  const logged = await emu.requests();
  assert.deepEqual(logged.map((r) => `${r.method} ${r.path}`), [], `${label}: reached upstream`);
}

/** A valid create body of exactly `bytes` bytes (leading whitespace). */
const big = (bytes) => " ".repeat(bytes - JSON.stringify(PER_BODY).length) + JSON.stringify(PER_BODY);

// [label, request, expected status, expected code (of the JSON answer), extra check]
const HOSTILE = [
  // Paths: traversal, encodings, anything that is not exactly a template.
  ["dot-dot segment", { path: `${EIPS}/../ports` }, 404, "not_found"],
  ["dot-dot to the control API", { path: `${EIPS}/../../../__emulator/state` }, 404, "not_found"],
  ["encoded dot-dot", { path: `${EIPS}/%2e%2e/ports` }, 404, "not_found"],
  ["encoded dot-dot, upper case", { path: `${EIPS}/%2E%2E` }, 404, "not_found"],
  ["encoded slash in an id", { path: `${EIPS}/a%2Fb` }, 404, "not_found"],
  ["encoded NUL in an id", { path: `${EIPS}/a%00` }, 404, "not_found"],
  ["dot segment", { path: `/v1/${PROJECT}/./publicips` }, 404, "not_found"],
  ["an id of '..'", { path: `${EIPS}/..` }, 404, "not_found"],
  ["an id of '.'", { path: `${EIPS}/.` }, 404, "not_found"],
  ["empty segment", { path: `/v1/${PROJECT}//publicips` }, 404, "not_found"],
  ["leading double slash", { path: `//v1/${PROJECT}/publicips` }, 404, "not_found"],
  ["trailing slash", { path: `${EIPS}/` }, 404, "not_found"],
  ["backslash", { path: `${EIPS}\\..\\ports` }, 404, "not_found"],
  ["absolute-form target", { path: `http://169.254.169.254${EIPS}` }, 404, "not_found"],
  ["another project id", { path: "/v1/00000000000000000000000000000000/publicips" }, 404, "not_found"],
  ["project id in another case", { path: `/v1/${PROJECT.toUpperCase()}/publicips` }, 404, "not_found"],
  ["unknown path", { path: "/v1/" }, 404, "not_found"],
  ["the IAM path", { method: "POST", path: "/v3/auth/tokens", headers: JSON_HEADERS, body: "{}" }, 404, "not_found"],
  ["the emulator's control API", { path: "/__emulator/state" }, 404, "not_found"],
  ["an extra segment", { path: `${EIPS}/${MISSING_ID}/extra` }, 404, "not_found"],
  ["v2.0 show", { path: `/v2.0/${PROJECT}/publicips/${MISSING_ID}` }, 404, "not_found"],
  ["the root", { path: "/" }, 404, "not_found"],
  ["an id the engine refuses (a dot)", { path: `${EIPS}/a.b`, headers: { authorization: SESSION } }, 400, "validation"],
  ["an id the engine refuses (a tilde)", { method: "DELETE", path: `${EIPS}/a~b`, headers: { authorization: SESSION } }, 403, "operation_not_allowed"],
  ["an id the engine refuses (too long)", { path: `${EIPS}/${"a".repeat(65)}`, headers: { authorization: SESSION } }, 400, "validation"],
  // Methods.
  ["PATCH", { method: "PATCH", path: EIPS, headers: JSON_HEADERS, body: "{}" }, 405, "method_not_allowed", (r) => assert.equal(r.headers.allow, "POST, GET")],
  ["DELETE of the list", { method: "DELETE", path: EIPS, headers: { authorization: SESSION } }, 405, "method_not_allowed"],
  ["HEAD", { method: "HEAD", path: EIPS, headers: { authorization: SESSION } }, 405, undefined],
  ["a made-up method", { method: "PURGE", path: `${EIPS}/${MISSING_ID}`, headers: { authorization: SESSION } }, 405, "method_not_allowed"],
  ["OPTIONS without Origin", { method: "OPTIONS", path: EIPS }, 405, "method_not_allowed"],
  // Not in allow (deletePublicip, unbindPublicip).
  ["delete, not allowed", { method: "DELETE", path: `${EIPS}/${MISSING_ID}`, headers: { authorization: SESSION } }, 403, "operation_not_allowed"],
  ["unbind, not allowed", { method: "PUT", path: `${EIPS}/${MISSING_ID}`, headers: JSON_HEADERS, body: '{"publicip":{}}' }, 403, "operation_not_allowed"],
  ["unbind with an empty port_id, not allowed", { method: "PUT", path: `${EIPS}/${MISSING_ID}`, headers: JSON_HEADERS, body: '{"publicip":{"port_id":""}}' }, 403, "operation_not_allowed"],
  // authorize.
  ["no Authorization", { path: EIPS }, 401, "unauthorized"],
  ["a wrong session", { path: EIPS, headers: { authorization: "Bearer s2" } }, 401, "unauthorized"],
  ["authorize throws", { path: EIPS, headers: { authorization: "Bearer throw" } }, 500, "authorize_failed"],
  ["authorize rejects", { path: EIPS, headers: { authorization: "Bearer reject" } }, 500, "authorize_failed"],
  ["authorize answers a truthy string", { path: EIPS, headers: { authorization: "Bearer yes" } }, 401, "unauthorized"],
  ["authorize answers 1", { path: EIPS, headers: { authorization: "Bearer one" } }, 401, "unauthorized"],
  ["a create without a session", { method: "POST", path: EIPS, headers: { "content-type": "application/json" }, body: JSON.stringify(PER_BODY) }, 401, "unauthorized"],
  // Bodies: size.
  ["a body one byte over 64 KiB, with Content-Length", { method: "POST", path: EIPS, headers: JSON_HEADERS, body: big(64 * 1024 + 1) }, 413, "payload_too_large"],
  ["a 10 MB body, with Content-Length", { method: "POST", path: EIPS, headers: JSON_HEADERS, body: "x".repeat(10_000_000) }, 413, "payload_too_large"],
  ["a 70 KB body, chunked", { method: "POST", path: EIPS, headers: JSON_HEADERS, chunks: Array.from({ length: 70 }, () => " ".repeat(1000)) }, 413, "payload_too_large"],
  ["a 20 MB body, chunked", { method: "POST", path: EIPS, headers: JSON_HEADERS, chunks: Array.from({ length: 320 }, () => "x".repeat(65_536)) }, 413, "payload_too_large"],
  ["a Content-Length of 2^53", { method: "POST", path: EIPS, headers: { ...JSON_HEADERS, "content-length": String(2 ** 53) }, chunks: ["{}"] }, 413, "payload_too_large"],
  // Bodies: not JSON, wrong types.
  ["not JSON", { method: "POST", path: EIPS, headers: JSON_HEADERS, body: "publicip=1" }, 400, "bad_request"],
  ["truncated JSON", { method: "POST", path: EIPS, headers: JSON_HEADERS, body: '{"publicip":' }, 400, "bad_request"],
  ["an empty body", { method: "POST", path: EIPS, headers: JSON_HEADERS, body: "" }, 400, "bad_request"],
  ["invalid UTF-8", { method: "POST", path: EIPS, headers: JSON_HEADERS, body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]) }, 400, "bad_request"],
  ["JSON null", { method: "POST", path: EIPS, headers: JSON_HEADERS, body: "null" }, 400, "validation"],
  ["a JSON array", { method: "POST", path: EIPS, headers: JSON_HEADERS, body: "[]" }, 400, "validation"],
  ["deeply nested JSON", { method: "POST", path: EIPS, headers: JSON_HEADERS, body: "[".repeat(30_000) + "]".repeat(30_000) }, 400, "validation"],
  ["a __proto__ key", { method: "POST", path: EIPS, headers: JSON_HEADERS, body: '{"__proto__":{"polluted":true},"publicip":{"type":"5_bgp"},"bandwidth":{"share_type":"PER","name":"bw","size":5}}' }, 400, "validation"],
  ["no Content-Type", { method: "POST", path: EIPS, headers: { authorization: SESSION }, body: JSON.stringify(PER_BODY) }, 415, "unsupported_media_type"],
  ["text/plain (a cross-site form's type)", { method: "POST", path: EIPS, headers: { authorization: SESSION, "content-type": "text/plain" }, body: JSON.stringify(PER_BODY) }, 415, "unsupported_media_type"],
  ["a form", { method: "POST", path: EIPS, headers: { authorization: SESSION, "content-type": "application/x-www-form-urlencoded" }, body: "a=1" }, 415, "unsupported_media_type"],
  ["application/jsonp", { method: "POST", path: EIPS, headers: { authorization: SESSION, "content-type": "application/jsonp" }, body: JSON.stringify(PER_BODY) }, 415, "unsupported_media_type"],
  ["JSON in latin1", { method: "POST", path: EIPS, headers: { authorization: SESSION, "content-type": "application/json; charset=latin1" }, body: JSON.stringify(PER_BODY) }, 415, "unsupported_media_type"],
  // eipkit's rules.
  ["a size out of range", { method: "POST", path: EIPS, headers: JSON_HEADERS, body: JSON.stringify({ ...PER_BODY, bandwidth: { share_type: "PER", name: "bw", size: 5000 } }) }, 400, "validation",
    (r) => assert.deepEqual(r.json.issues.map((i) => [i.path, i.code, i.severity, typeof i.message, i.params]), [["bandwidth.size", "range", "error", "string", { min: 1, max: 2000 }]])],
  ["a misspelt field", { method: "PUT", path: `${EIPS}/${MISSING_ID}`, headers: JSON_HEADERS, body: '{"publicip":{"ip_version ":6}}' }, 400, "validation",
    (r) => assert.equal(r.json.issues[0].params.suggestion, "ip_version")],
  ["bind and convert at once", { method: "PUT", path: `${EIPS}/${MISSING_ID}`, headers: JSON_HEADERS, body: JSON.stringify({ publicip: { port_id: WEB_PORT, ip_version: 6 } }) }, 400, "validation"],
  ["a query on a create", { method: "POST", path: `${EIPS}?limit=1`, headers: JSON_HEADERS, body: JSON.stringify(PER_BODY) }, 400, "bad_request"],
  ["a query on a show", { path: `${EIPS}/${MISSING_ID}?fields=all`, headers: { authorization: SESSION } }, 400, "bad_request"],
  ["a repeated query key", { path: `${EIPS}?limit=1&limit=2`, headers: { authorization: SESSION } }, 400, "bad_request"],
  ["a repeated filter", { path: `${EIPS}?id=a&id=b`, headers: { authorization: SESSION } }, 400, "bad_request"],
  ["an unknown query key", { path: `${PORTS}?device-id=x`, headers: { authorization: SESSION } }, 400, "validation"],
  ["limit=abc", { path: `${EIPS}?limit=abc`, headers: { authorization: SESSION } }, 400, "validation"],
  ["limit=0", { path: `${EIPS}?limit=0`, headers: { authorization: SESSION } }, 400, "validation"],
  ["limit=1e3", { path: `${EIPS}?limit=1e3`, headers: { authorization: SESSION } }, 400, "validation"],
  ["ip_version=5", { path: `${EIPS}?ip_version=5`, headers: { authorization: SESSION } }, 400, "validation"],
  ["admin_state_up=yes", { path: `${PORTS}?admin_state_up=yes`, headers: { authorization: SESSION } }, 400, "validation"],
  // The policy.
  ["policy: over 100 Mbit/s", { method: "POST", path: EIPS, headers: JSON_HEADERS, body: JSON.stringify({ ...PER_BODY, bandwidth: { share_type: "PER", name: "bw", size: 200 } }) }, 400, "policy",
    (r) => assert.deepEqual(r.json.issues, [{ path: "bandwidth.size", code: "range", severity: "error", message: "at most 100 Mbit/s through this console", short: "at most 100 Mbit/s through this console", params: { max: 100 } }])],
  ["policy: no prepaid", { method: "POST", path: `/v2.0/${PROJECT}/publicips`, headers: JSON_HEADERS, body: JSON.stringify(PREPAID_BODY) }, 400, "policy",
    (r) => assert.deepEqual(r.json.issues.map((i) => [i.path, i.severity]), [["extendParam.charge_mode", "error"]])],
  ["policy: both at once", { method: "POST", path: `/v2.0/${PROJECT}/publicips`, headers: JSON_HEADERS, body: JSON.stringify({ ...PREPAID_BODY, bandwidth: { share_type: "PER", name: "bw", size: 500 } }) }, 400, "policy",
    (r) => assert.match(r.json.message, /\(and 1 more\)$/)],
  ["policy throws", { method: "POST", path: EIPS, headers: JSON_HEADERS, body: JSON.stringify({ ...PER_BODY, publicip: { type: "5_bgp", alias: "policy-throws" } }) }, 500, "policy_failed"],
  ["policy answers junk", { method: "POST", path: EIPS, headers: JSON_HEADERS, body: JSON.stringify({ ...PER_BODY, publicip: { type: "5_bgp", alias: "policy-answers-junk" } }) }, 500, "policy_failed"],
  // Header injection: CR/LF in what the caller controls never becomes an upstream header.
  ["CR/LF in a query value", { path: `${PORTS}?device_id=x%0D%0AX-Injected:%201`, headers: { authorization: SESSION } }, 400, "bad_request"],
  ["NUL in a query value", { path: `${PORTS}?device_id=x%00`, headers: { authorization: SESSION } }, 400, "bad_request"],
  ["CR/LF in a JSON string", { method: "POST", path: EIPS, headers: JSON_HEADERS, body: JSON.stringify({ ...PER_BODY, publicip: { type: "5_bgp", alias: "a\r\nX-Injected: 1" } }) }, 400, "validation"],
  ["CR/LF in an id", { path: `${EIPS}/a%0D%0AX-Injected:%201`, headers: { authorization: SESSION } }, 404, "not_found"],
  // CORS: another origin is refused before authorize.
  ["a simple GET from another origin", { path: PORTS, headers: { authorization: SESSION, origin: "https://evil.example" } }, 403, "origin_not_allowed",
    (r) => assert.equal(r.headers["access-control-allow-origin"], undefined)],
  ["a create from another origin", { method: "POST", path: EIPS, headers: { ...JSON_HEADERS, origin: "https://evil.example" }, body: JSON.stringify(PER_BODY) }, 403, "origin_not_allowed"],
  ["a text/plain form post from another origin", { method: "POST", path: EIPS, headers: { "content-type": "text/plain", origin: "https://evil.example", cookie: "session=s1" }, body: JSON.stringify(PER_BODY) }, 403, "origin_not_allowed"],
  ["Origin: null", { path: PORTS, headers: { authorization: SESSION, origin: "null" } }, 403, "origin_not_allowed"],
  ["an origin that only starts like the allowed one", { path: PORTS, headers: { authorization: SESSION, origin: `${ORIGIN}.evil.example` } }, 403, "origin_not_allowed"],
  ["the allowed origin over http", { path: PORTS, headers: { authorization: SESSION, origin: ORIGIN.replace("https", "http") } }, 403, "origin_not_allowed"],
  ["a preflight from another origin", { method: "OPTIONS", path: EIPS, headers: { origin: "https://evil.example", "access-control-request-method": "POST" } }, 403, "origin_not_allowed",
    (r) => assert.equal(r.headers["access-control-allow-origin"], undefined)],
  ["a preflight from the allowed origin", { method: "OPTIONS", path: EIPS, headers: { origin: ORIGIN, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type, x-evil\u00e9, x-trace-id" } }, 204, undefined,
    (r) => {
      assert.equal(r.headers["access-control-allow-origin"], ORIGIN);
      assert.equal(r.headers.vary, "Origin");
      assert.equal(r.headers["access-control-allow-methods"], "GET, POST, PUT, DELETE");
      assert.equal(r.headers["access-control-allow-headers"], "authorization, content-type, x-trace-id");
      assert.equal(r.headers["access-control-expose-headers"], "X-Request-Id");
      assert.equal(r.headers["access-control-allow-credentials"], undefined);
    }],
  ["a preflight asking for 100 headers", { method: "OPTIONS", path: PORTS, headers: { origin: ORIGIN, "access-control-request-method": "GET", "access-control-request-headers": Array.from({ length: 100 }, (_, i) => `x-h${i}`).join(",") } }, 204, undefined,
    (r) => assert.equal(r.headers["access-control-allow-headers"].split(", ").length, 32)],
  ["the allowed origin without a session", { path: PORTS, headers: { origin: ORIGIN } }, 401, "unauthorized",
    (r) => assert.equal(r.headers["access-control-allow-origin"], ORIGIN, "the page can read the refusal")],
];

test(`hostile requests: ${HOSTILE.length} cases, each with its status, none reaching upstream`, async (t) => {
  for (const [label, request, status, code, check] of HOSTILE) {
    await emu.control("DELETE", "requests");
    const before = authorizeCalls.count;
    const answer = await send(proxy.url, request);
    assert.equal(answer.status, status, `${label}: ${answer.status} ${answer.text.slice(0, 300)}`);
    if (code !== undefined) assert.equal(answer.json?.code, code, `${label}: ${answer.text.slice(0, 300)}`);
    if (answer.json) assert.equal(typeof answer.json.message, "string", label);
    if (status !== 204 && request.method !== "HEAD") assert.match(answer.headers["content-type"], /^application\/json/, label);
    assert.equal(answer.headers["cache-control"], "no-store", label);
    check?.(answer);
    if (code === "origin_not_allowed" || code === "not_found" || code === "method_not_allowed") {
      assert.equal(authorizeCalls.count, before, `${label}: authorize was called`);
    }
    await nothingUpstream(label);
  }
  t.diagnostic(`${HOSTILE.length} hostile requests refused, none reached upstream`);
});

test("the same proxy does reach upstream for a good request (the counting above is live)", async () => {
  const created = await send(proxy.url, { method: "POST", path: EIPS, headers: { ...JSON_HEADERS, origin: ORIGIN }, body: JSON.stringify(PER_BODY) });
  assert.equal(created.status, 200, created.text);
  assert.equal(created.headers["access-control-allow-origin"], ORIGIN);
  assert.equal(created.headers["access-control-expose-headers"], "X-Request-Id");
  assert.match(created.headers["x-request-id"], /^[0-9a-f]{32}$/);
  assert.equal(Buffer.byteLength(big(64 * 1024)), 64 * 1024);
  const padded = await send(proxy.url, { method: "POST", path: EIPS, headers: JSON_HEADERS, body: big(64 * 1024) });
  assert.equal(padded.status, 200, "a body of exactly maxBodyBytes passes");
  const sameOrigin = await send(proxy.url, { path: `${PORTS}?device_id=${WEB_SERVER}&limit=10&admin_state_up=true`, headers: { authorization: SESSION, origin: proxy.url } });
  assert.equal(sameOrigin.status, 200, sameOrigin.text);
  assert.equal(sameOrigin.json.ports.length, 1);
  assert.equal(sameOrigin.headers["access-control-allow-origin"], undefined, "same origin: no CORS header needed");
  const bom = await send(proxy.url, { method: "PUT", path: `${EIPS}/${created.json.publicip.id}`, headers: { ...JSON_HEADERS, "content-type": "Application/JSON; charset=UTF-8" }, body: "\ufeff{\"publicip\":{\"ip_version\":6}}" });
  assert.ok(bom.status === 200 ? bom.json.publicip.ip_version === 6 : bom.json.code === "VPC.0513", `a BOM and a type in capitals: ${bom.text}`);
  assert.deepEqual((await emu.requests()).map((r) => r.operation), ["createPublicip", "createPublicip", "listPorts", "updatePublicip"]);
  assert.deepEqual((await emu.requests("listPorts"))[0].query, { device_id: WEB_SERVER, limit: "10", admin_state_up: "true" });
});

test("header injection on the wire, and the caller's credentials never forwarded", async () => {
  const seen = [];
  const recorded = await serveProxy({
    endpoint: emu.url, projectId: PROJECT, auth: { token: TOKEN }, authorize: (r) => r.headers.get("authorization") === SESSION,
    fetch: (input, init) => {
      const request = new Request(input, init);
      seen.push(Object.fromEntries(request.headers));
      return fetch(request);
    },
  });
  try {
    // Bare CR, obs-fold and NUL in header values: node:http refuses them itself.
    for (const header of ["X-Trace: a\rX-Injected: 1", "X-Trace: a\r\n X-Injected: 1", "X-Trace: a\u0000b"]) {
      await emu.control("DELETE", "requests");
      const { status } = await rawHttp(recorded.url, `GET ${PORTS} HTTP/1.1\r\nHost: x\r\nAuthorization: ${SESSION}\r\n${header}\r\nConnection: close\r\n\r\n`);
      assert.equal(status, 400, JSON.stringify(header));
      await nothingUpstream(JSON.stringify(header));
    }
    // A request carrying every credential a caller might try to pass on.
    await emu.control("DELETE", "requests");
    const { status, answer } = await rawHttp(recorded.url, [
      `GET ${PORTS}?device_id=${WEB_SERVER} HTTP/1.1`, "Host: x", `Authorization: ${SESSION}`, "Cookie: session=s1; admin=1",
      "X-Auth-Token: stolen-token", "X-Sdk-Date: 20200101T000000Z", "X-Project-Id: other", "X-Forwarded-For: 10.0.0.1",
      "X-Subject-Token: stolen-subject", "Proxy-Authorization: Basic c3RvbGVu", "Connection: close", "", "",
    ].join("\r\n"));
    assert.equal(status, 200, answer);
    assert.equal(seen.length, 1);
    const headers = seen[0];
    assert.equal(headers["x-auth-token"], TOKEN, "the proxy's own token");
    for (const name of ["authorization", "cookie", "x-sdk-date", "x-project-id", "x-forwarded-for", "x-subject-token", "proxy-authorization"]) {
      assert.equal(headers[name], undefined, name);
    }
    assert.ok(!/stolen|s1|admin|10\.0\.0\.1/.test(JSON.stringify(headers)), JSON.stringify(headers));
    assert.deepEqual((await emu.requests()).map((r) => r.auth), ["token"]);
  } finally {
    await recorded.close();
  }
});

test("upstream faults: statuses, resets, a hang, HTML, a redirect, the proxy's own credentials refused, echoed secrets", async () => {
  // A server the redirect points to: it must never be asked.
  let followed = 0;
  const elsewhere = http.createServer((req, res) => { followed++; res.end("{}"); });
  await new Promise((r) => elsewhere.listen(0, "127.0.0.1", r));
  const elsewhereUrl = `http://127.0.0.1:${elsewhere.address().port}`;
  const wrong = await serveProxy({ endpoint: emu.url, projectId: PROJECT, auth: { token: "wrong-token-0123456789" }, authorize: () => true });
  try {
    const show = { path: `${EIPS}/${MISSING_ID}`, headers: { authorization: SESSION } };
    const create = { method: "POST", path: EIPS, headers: JSON_HEADERS, body: JSON.stringify(PER_BODY) };
    const cases = [
      ["500", { type: "status", status: 500 }, show, 500, "VPC.0500", true],
      ["503 on a create", { type: "status", status: 503 }, create, 503, "VPC.0500", true],
      ["429 + Retry-After", { type: "retryAfter", seconds: 3 }, show, 429, "APIGW.0308", true,
        (r) => assert.equal(r.headers["retry-after"], "3", "the service's wait, for the browser's client")],
      ["reset", { type: "reset" }, show, 502, "upstream_unreachable", false],
      ["reset on a create", { type: "reset" }, create, 502, "upstream_unreachable", false],
      ["hang (timeoutMs 300)", { type: "hang" }, show, 504, "upstream_timeout", false],
      ["hang on a create", { type: "hang" }, create, 504, "upstream_timeout", false],
      ["HTML 502", { type: "html" }, show, 502, undefined, true],
      ["truncated JSON 200", { type: "malformed" }, show, 200, undefined, true],
      ["empty 502", { type: "empty" }, show, 502, undefined, true],
      ["307 to another server", { type: "status", status: 307, headers: { Location: `${elsewhereUrl}/steal` } }, show, 502, "upstream_response", false],
      ["302 on a create", { type: "status", status: 302, headers: { Location: `${elsewhereUrl}${EIPS}` } }, create, 502, "upstream_response", false],
      ["301 to the same service", { type: "status", status: 301, headers: { Location: `${emu.url}${PORTS}` } }, show, 502, "upstream_response", false],
      ["a 2 MB answer", { type: "huge", bytes: 2_000_000 }, show, 200, undefined, true],
      ["the token echoed in a body", { type: "status", status: 400, body: { code: "VPC.0008", message: `token ${TOKEN} is not valid` } }, show, 400, "VPC.0008", true,
        (r) => assert.match(r.json.message, /^token \*\*\* is not valid$/)],
      ["the token echoed in a text body", { type: "status", status: 403, body: `X-Auth-Token: ${TOKEN}` }, show, 403, undefined, true],
      ["the token as the request id", { type: "status", status: 404, headers: { "X-Request-Id": TOKEN } }, show, 404, "VPC.0500", false],
    ];
    for (const [label, fault, request, status, code, passesRequestId, check] of cases) {
      await emu.control("DELETE", "requests");
      await emu.fault(fault, {}, 1);
      const started = Date.now();
      const answer = await send(proxy.url, request);
      assert.equal(answer.status, status, `${label}: ${answer.text.slice(0, 200)}`);
      if (code !== undefined) assert.equal(answer.json?.code ?? answer.json?.error_code, code, `${label}: ${answer.text.slice(0, 200)}`);
      const logged = await emu.requests();
      assert.equal(logged.length, 1, `${label}: one upstream request, ${logged.length} logged`);
      if (passesRequestId) assert.match(answer.headers["x-request-id"] ?? "", /^[0-9a-f]{32}$/, `${label}: the service's request id`);
      else if (label.includes("request id")) assert.equal(answer.headers["x-request-id"], undefined);
      if (label.startsWith("hang")) assert.ok(Date.now() - started < 2_000, `${label}: answered after ${Date.now() - started} ms`);
      if (label.startsWith("HTML")) assert.match(answer.headers["content-type"], /^text\/html/);
      check?.(answer);
    }
    assert.equal(followed, 0, "no redirect was followed");

    // The proxy's own credentials refused upstream: its failure (502), not the caller's 401.
    await emu.control("DELETE", "requests");
    const refused = await send(wrong.url, { path: PORTS });
    assert.deepEqual([refused.status, refused.json.code], [502, "upstream_unauthorized"]);
    assert.match(refused.headers["x-request-id"], /^[0-9a-f]{32}$/);
    assert.ok(!refused.text.includes("wrong-token"), refused.text);
    assert.equal((await emu.requests()).length, 1);

    // AK/SK upstream, with the SK and the AK echoed.
    await emu.fault({ type: "status", status: 400, body: { code: "X", message: `sk ${SK} ak ${AK}` } }, {}, 1);
    const echoed = await send(signed.url, { path: PORTS, headers: { authorization: SESSION } });
    assert.deepEqual([echoed.status, echoed.json.message], [400, "sk *** ak ***"]);
    const ok = await send(signed.url, { path: `${PORTS}?device_id=${WEB_SERVER}`, headers: { authorization: SESSION } });
    assert.equal(ok.status, 200);
    assert.equal((await emu.requests()).at(-1).auth, "aksk");
  } finally {
    await wrong.close();
    await new Promise((r) => elsewhere.close(r));
  }
});

test("no answer of this file holds the upstream token, AK or SK", () => {
  assert.ok(answers.length > HOSTILE.length, `${answers.length} answers searched`);
  for (const answer of answers) {
    for (const secret of SECRETS) assert.ok(!answer.includes(secret), `an answer holds ${secret}: ${answer.slice(0, 300)}`);
  }
  assert.deepEqual(uncaught, [], "nothing escaped to the process");
});

// ---- Under load ----

const SEED = Number(process.env.STRESS_SEED ?? 20_251_202);
const DURATION_MS = Math.min(Number(process.env.STRESS_PROXY_MS ?? 20_000), 60_000);
const TARGET_OPS = Number(process.env.STRESS_PROXY_OPS ?? 3_000);
const CONCURRENCY = 16;
const UPSTREAM_MS = 250; // the proxy's timeoutMs: a hang costs the caller a 504 after this
const FAULT_RATE = 0.12;
/** The proxy's own refusals: none is right for the valid calls of the load run. */
const REFUSALS = new Set(["not_found", "method_not_allowed", "operation_not_allowed", "unauthorized", "authorize_failed", "origin_not_allowed",
  "payload_too_large", "unsupported_media_type", "bad_request", "validation", "policy", "policy_failed", "internal"]);

const FAULTS_ANY = [
  [{ type: "status", status: 503 }, 6], [{ type: "status", status: 500 }, 3], [{ type: "reset" }, 5], [{ type: "hang" }, 3],
  [{ type: "html" }, 3], [{ type: "empty" }, 2], [{ type: "retryAfter", seconds: 1 }, 1],
];
const FAULTS_2XX = [[{ type: "malformed" }, 2], [{ type: "wrongShape" }, 2]];
const FAULTS_CREATE = [...FAULTS_ANY, ...FAULTS_2XX, [{ type: "delay", ms: 400 }, 3]];
const mayHaveCreated = (e) => e instanceof EipError && (["network", "timeout", "response", "aborted"].includes(e.kind) || (e.kind === "api" && e.status >= 500));

test(`load: ${TARGET_OPS} mixed calls through the proxy, ${CONCURRENCY} in flight, random upstream faults (seed ${SEED})`, { timeout: DURATION_MS + 60_000 }, async (t) => {
  console.log(`# proxy load seed ${SEED} (replay: STRESS_SEED=${SEED}), budget ${DURATION_MS} ms, ${TARGET_OPS} operations`);
  const upstream = await emulatorProcess({ transitionMs: 20 });
  t.after(() => upstream.close());
  const ports = [WEB_PORT, DB_SECONDARY_PORT];
  for (let i = 0; i < 10; i++) ports.push((await upstream.control("POST", "servers", { name: `load-${i}`, ports: [{ primary: true }] })).ports[0].id);

  // Every answer the proxy gives is read (a clone) and searched for the upstream secrets.
  const leaks = [];
  const statuses = {};
  const wrap = (handler) => async (request) => {
    const response = await handler(request);
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    const text = JSON.stringify([...response.headers]) + (await response.clone().text());
    if (SECRETS.some((s) => text.includes(s))) leaks.push(text.slice(0, 300));
    return response;
  };
  const served = await serveProxy({
    endpoint: upstream.url, projectId: PROJECT, auth: { token: TOKEN }, timeoutMs: UPSTREAM_MS,
    authorize: (request) => request.headers.get("authorization") === SESSION,
  }, { wrap });
  t.after(() => served.close());

  const log = new Map();
  let polling = true;
  const poll = (async () => {
    while (polling) {
      for (const r of await upstream.requests()) log.set(r.seq, r);
      await sleep(250);
    }
  })();

  const live = new Map();
  const deleted = new Set();
  const maybeDeleted = new Set();
  let unknownCreates = 0;
  let createCalls = 0;
  let clientCreates = 0; // create requests the page's clients sent to the proxy
  const problems = [];
  const stats = { ops: 0, ok: 0, failed: {}, faults: 0 };
  const pickLive = (r) => (live.size ? r.pick([...live.keys()]) : MISSING_ID);
  const remember = (id) => { if (typeof id === "string" && id && !deleted.has(id)) live.set(id, true); };

  const OPS = {
    create: { weight: 18, creates: true, faults: FAULTS_CREATE, match: () => ({ operation: "createPublicip" }),
      call: (c) => c.createPublicip(PER_BODY), done: (v) => remember(v.publicip.id), shape: (v) => typeof v.publicip?.id === "string" },
    createV2: { weight: 5, creates: true, faults: FAULTS_CREATE, match: () => ({ operation: "createPrepaidPublicip" }),
      call: (c, r) => c.createPrepaidPublicip(r.chance(0.5) ? PREPAID_BODY : PER_BODY),
      done: (v) => remember(v.order_id ? v.publicip_id : v.publicip.id), shape: (v) => typeof (v.publicip_id ?? v.publicip?.id) === "string" },
    show: { weight: 14, target: true, faults: [...FAULTS_ANY, ...FAULTS_2XX], match: (id) => ({ operation: "showPublicip", path: id }),
      call: (c, r, id) => c.showPublicip(id), shape: (v, id) => v.publicip?.id === id },
    list: { weight: 8, faults: [...FAULTS_ANY, ...FAULTS_2XX], match: () => ({ operation: "listPublicips" }),
      call: (c, r) => c.listPublicips(r.chance(0.5) ? { limit: 1 + r.int(20) } : {}), shape: (v) => Array.isArray(v.publicips) },
    listPorts: { weight: 5, faults: [...FAULTS_ANY, ...FAULTS_2XX], match: () => ({ operation: "listPorts" }),
      call: (c, r) => c.listPorts({ id: r.pick(ports) }), shape: (v) => Array.isArray(v.ports) && v.ports.length === 1 },
    bind: { weight: 9, target: true, faults: [...FAULTS_ANY, ...FAULTS_2XX], match: (id) => ({ operation: "updatePublicip", path: id }),
      call: (c, r, id) => c.bindPublicip(id, r.pick(ports)), shape: (v, id) => v.publicip?.id === id },
    unbind: { weight: 7, target: true, faults: [...FAULTS_ANY, ...FAULTS_2XX], match: (id) => ({ operation: "updatePublicip", path: id }),
      call: (c, r, id) => c.unbindPublicip(id), shape: (v, id) => v.publicip?.id === id },
    convert: { weight: 3, target: true, faults: [...FAULTS_ANY, ...FAULTS_2XX], match: (id) => ({ operation: "updatePublicip", path: id }),
      call: (c, r, id) => c.updatePublicip(id, { publicip: { ip_version: r.pick([4, 6]) } }), shape: (v, id) => v.publicip?.id === id },
    delete: { weight: 18, target: true, faults: FAULTS_ANY, match: (id) => ({ operation: "deletePublicip", path: id }),
      call: (c, r, id) => c.deletePublicip(id), done: (v, id) => { live.delete(id); deleted.add(id); }, shape: (v) => v === undefined },
  };
  const table = Object.entries(OPS).map(([name, op]) => [name, op.weight]);

  const started = Date.now();
  const worker = async (index) => {
    const r = prng((SEED * 31 + index) >>> 0);
    while (stats.ops < TARGET_OPS && Date.now() - started < DURATION_MS) {
      stats.ops++;
      const name = r.weighted(table);
      const op = OPS[name];
      const rec = recordingFetch();
      const client = new EipClient({ endpoint: served.url, projectId: PROJECT, auth: { headers: { Authorization: SESSION } }, retries: 2, timeoutMs: 5_000, fetch: rec });
      const id = op.target ? pickLive(r) : undefined;
      if (r.chance(FAULT_RATE)) {
        stats.faults++;
        await upstream.fault(r.weighted(op.faults), op.match(id), 1 + r.int(3));
      }
      if (op.creates) createCalls++;
      const outcome = await settle(() => op.call(client, r, id), 30_000);
      const label = `${name}${id ? ` ${id}` : ""}`;
      const creates = rec.log.filter((q) => CREATE_OPERATIONS.has(operationOf(q))).length;
      clientCreates += creates;
      if (creates > (op.creates ? 1 : 0)) problems.push(`${label}: ${creates} create requests sent`);
      if (outcome.state === "resolved") {
        stats.ok++;
        if (!op.shape(outcome.value, id)) problems.push(`${label}: resolved with ${JSON.stringify(outcome.value)?.slice(0, 200)}`);
        op.done?.(outcome.value, id);
      } else if (outcome.state === "rejected") {
        const e = outcome.error;
        problems.push(...eipErrorProblems(e).map((p) => `${label}: ${p}`));
        stats.failed[`${e.kind}${e.status ? ` ${e.status}` : ""}`] = (stats.failed[`${e.kind}${e.status ? ` ${e.status}` : ""}`] ?? 0) + 1;
        if (e.kind === "validation") problems.push(`${label}: refused valid input: ${e.message}`);
        if (e.kind === "api" && REFUSALS.has(e.code)) problems.push(`${label}: the proxy refused a valid call: ${e.status} ${e.code} ${e.message}`);
        // An answer of the service keeps its request id; the proxy's own 502/504 may carry one.
        if (e.kind === "api" && /^(VPC|APIGW)\./.test(e.code ?? "") && !/^[0-9a-f]{32}$/.test(e.requestId ?? "")) {
          problems.push(`${label}: ${e.status} ${e.code} without the service's request id`);
        }
        if (op.creates && mayHaveCreated(e)) unknownCreates++;
        else if (name === "delete" && (["timeout", "network", "response"].includes(e.kind) || (e.kind === "api" && e.status >= 500) || rec.log.length > 1)) maybeDeleted.add(id);
      } else {
        problems.push(`${label}: ${describeOutcome(outcome)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => worker(i)));
  const elapsed = Date.now() - started;

  await upstream.control("DELETE", "faults");
  await sleep(1_000); // delayed creates land, transitions settle
  polling = false;
  await poll;
  for (const r of await upstream.requests()) log.set(r.seq, r);

  console.log(`# proxy load: ${stats.ops} calls in ${elapsed} ms (${Math.round((stats.ops / elapsed) * 1000)}/s), ${stats.ok} ok, failed ${JSON.stringify(stats.failed)}, ${stats.faults} faults injected`);
  console.log(`# proxy load: the proxy answered ${JSON.stringify(statuses)}; upstream received ${log.size} requests`);
  assert.deepEqual(uncaught, [], "nothing escaped to the process");
  assert.deepEqual(problems.slice(0, 30), [], `${problems.length} problems`);
  assert.deepEqual(leaks.slice(0, 5), [], "answers holding an upstream secret");
  assert.ok(stats.ops >= Math.min(TARGET_OPS, 1_000), `only ${stats.ops} calls ran`);

  // Creates: never sent twice, by the page's clients or by the proxy.
  const seqs = [...log.keys()].sort((a, b) => a - b);
  assert.equal(seqs.at(-1) - seqs[0] + 1, seqs.length, "the request log was read without a gap");
  const upstreamCreates = [...log.values()].filter((r) => CREATE_OPERATIONS.has(r.operation)).length;
  console.log(`# proxy load: ${createCalls} create calls, ${clientCreates} create requests to the proxy, ${upstreamCreates} upstream`);
  assert.ok(upstreamCreates <= clientCreates, `upstream received ${upstreamCreates} creates, the clients sent ${clientCreates}`);
  assert.ok(clientCreates <= createCalls, `${clientCreates} creates sent for ${createCalls} create calls`);
  assert.ok([...log.values()].every((r) => r.auth === "token"), "every upstream request with the proxy's token");

  // No orphan: every EIP upstream holds is one a call learned, or one of a create of unknown outcome.
  const { eips } = await upstream.state();
  const present = eips.filter((e) => e.status !== "PENDING_DELETE");
  const unexplained = present.filter((e) => !live.has(e.id));
  console.log(`# proxy load: ${present.length} EIPs upstream, ${live.size} known live, ${deleted.size} deleted, ${unexplained.length} not known by id (≤ ${unknownCreates} creates of unknown outcome)`);
  assert.deepEqual(unexplained.filter((e) => deleted.has(e.id)).map((e) => e.id), [], "deleted, yet still there");
  assert.ok(unexplained.length <= unknownCreates, `${unexplained.length} EIPs nobody knows, for ${unknownCreates} creates of unknown outcome`);
  const carriedOut = [...log.values()].filter((r) => CREATE_OPERATIONS.has(r.operation) && r.status >= 200 && r.status < 300 && (r.fault === null || r.fault === "delay")).length;
  const learned = new Set([...live.keys(), ...deleted]).size;
  assert.equal(unexplained.length, carriedOut - learned, `${carriedOut} creates carried out, ${learned} ids learned`);
  const ids = new Set(eips.map((e) => e.id));
  assert.deepEqual([...live.keys()].filter((id) => !ids.has(id) && !maybeDeleted.has(id)), [], "EIPs a caller holds vanished without a delete");

  // Clean up through the proxy, as the console would: unbind, release what can be released.
  const cleaner = new EipClient({ endpoint: served.url, projectId: PROJECT, auth: { headers: { Authorization: SESSION } }, retries: 2 });
  for (const eip of present) {
    if (eip.port_id || ["ACTIVE", "BINDING"].includes(eip.status)) {
      await waitStatus(cleaner, eip.id, ["ACTIVE", "DOWN"]);
      await settle(() => cleaner.unbindPublicip(eip.id));
    }
    await waitStatus(cleaner, eip.id, ["DOWN"]);
    if (!eip.profile) await cleaner.deletePublicip(eip.id);
  }
  const remaining = (await upstream.state()).eips.filter((e) => e.status !== "PENDING_DELETE");
  assert.ok(remaining.every((e) => e.profile?.order_id), "only prepaid EIPs remain");
});
