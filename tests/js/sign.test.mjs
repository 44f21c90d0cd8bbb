// signRequest against the vectors generated with Huawei's official Python SDK.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { signRequest, EipError } from "eipkit";

const { vectors } = JSON.parse(readFileSync(new URL("../vectors/signing.json", import.meta.url), "utf8"));

/** The URL a caller would hand to fetch for a vector. */
function url(v) {
  const enc = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
  const query = v.query.map(([k, val]) => `${enc(k)}=${enc(val)}`).join("&");
  return `${v.scheme}://${v.host}${v.path}${query ? "?" + query : ""}`;
}

test("matches the official SDK's Authorization for every vector a URL can express", () => {
  let checked = 0;
  for (const v of vectors) {
    // A raw (unencoded) space in a path is not a URL; those vectors test the core directly.
    if (/\s/.test(v.path)) continue;
    const headers = signRequest({
      method: v.method,
      url: url(v),
      headers: v.headers,
      body: v.body || undefined,
      ak: v.ak,
      sk: v.sk,
      date: new Date(v.date),
    });
    if (!Object.keys(v.headers).some((h) => h.toLowerCase() === "x-sdk-date")) {
      assert.equal(headers["X-Sdk-Date"], v.x_sdk_date, v.name);
    }
    assert.equal(headers.Authorization, v.authorization, v.name);
    checked++;
  }
  assert.ok(checked >= 20, `${checked} vectors checked`);
});

test('body: "" is no body: signed as a GET with no body, the same as leaving it out', () => {
  const request = { method: "GET", url: "https://vpc.cn-north-4.myhuaweicloud.com/v1/p/publicips?limit=10", ak: "AK", sk: "SK", date: new Date(Date.UTC(2026, 10, 18, 11, 6, 40)) };
  const empty = signRequest({ ...request, body: "" });
  assert.deepEqual(empty, signRequest(request));
  assert.notDeepEqual(signRequest({ ...request, body: "x" }), empty, "a body is signed");
  assert.throws(() => signRequest({ ...request, body: 5 }), (e) => e instanceof EipError && e.issues[0].path === "body" && e.issues[0].code === "type");
});

test("bad input throws a validation EipError naming the field", () => {
  for (const [request, path] of [
    [{ url: "https://x.com/", ak: "a", sk: "s" }, "method"],
    [{ method: "GET", url: "not a url", ak: "a", sk: "s" }, "url"],
    [{ method: "GET", url: "https://x.com/", ak: "a" }, "sk"],
    [{ method: "GET", url: "https://x.com/", ak: "a", sk: "s", headers: { a: 1 } }, "headers.a"],
    [{ method: "GET", url: "https://x.com/", ak: "a", sk: "s", date: "yesterday" }, "date"],
  ]) {
    assert.throws(() => signRequest(request), (e) => e instanceof EipError && e.kind === "validation" && e.issues[0].path === path, path);
  }
  assert.throws(() => signRequest(null), EipError);
});

// signRequest reads a plain object of strings itself and sends those strings to the signer; any
// other request goes through a snapshot (js/sign.js). The two must answer alike.
const base = {
  method: "POST",
  url: "https://vpc.cn-north-4.myhuaweicloud.com/v2.0/p/publicips?limit=1&marker=a%20b",
  headers: { "Content-Type": "application/json", "X-Project-Id": "p" },
  body: '{"publicip":{"type":"5_bgp"}}',
  ak: "AK",
  sk: "SK",
  date: new Date(Date.UTC(2026, 10, 18, 11, 6, 40)),
};

/** The same fields in other forms: the first three the quick reading does not take. */
function careful(request) {
  class Request {}
  return [
    Object.assign(new Request(), request), // not a plain object
    Object.assign(Object.create({ inherited: 1 }), request), // another prototype
    { ...request, headers: Object.assign(new Request(), request.headers ?? {}) }, // headers not plain
    new Proxy({ ...request }, {}), // a proxy of a plain object is read through its traps, once
  ];
}

test("a plain request and the same fields in other forms are signed alike", () => {
  const expected = signRequest(base);
  assert.match(expected.Authorization, /^SDK-HMAC-SHA256 Access=AK, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$/);
  for (const request of careful(base)) assert.deepEqual(signRequest(request), expected);
  const noHeaders = { ...base, headers: undefined, body: undefined };
  for (const request of careful(noHeaders)) assert.deepEqual(signRequest(request), signRequest(noHeaders));
});

test("a header or field holding a NUL is signed the careful way, as the same text", () => {
  const nul = { ...base, headers: { ...base.headers, "X-Note": "a\0b" } };
  const viaSnapshot = signRequest(careful(nul)[0]);
  assert.deepEqual(signRequest(nul), viaSnapshot);
  assert.notDeepEqual(viaSnapshot, signRequest({ ...base, headers: { ...base.headers, "X-Note": "ab" } }), "the NUL is part of what is signed");
});

test("each field is read once, even when the quick reading gives up", () => {
  for (const fallback of [false, true]) {
    const reads = {};
    const request = {};
    for (const [key, value] of Object.entries(base)) {
      Object.defineProperty(request, key, {
        enumerable: true,
        get() {
          reads[key] = (reads[key] ?? 0) + 1;
          // The body as a number sends the call the careful way, with what was already read.
          return fallback && key === "body" ? 5 : value;
        },
      });
    }
    if (fallback) assert.throws(() => signRequest(request), (e) => e.issues[0].path === "body");
    else assert.deepEqual(signRequest(request), signRequest(base));
    assert.deepEqual(reads, Object.fromEntries(Object.keys(base).map((k) => [k, 1])), `fallback: ${fallback}`);
  }
});

test("only own fields are signed: a polluted prototype adds nothing", () => {
  const expected = signRequest(base);
  Object.prototype.sk = "stolen";
  Object.prototype["X-Injected"] = "1";
  try {
    assert.deepEqual(signRequest(base), expected);
    const { sk, ...noSk } = base;
    assert.throws(() => signRequest(noSk), (e) => e.issues[0].path === "sk" && e.issues[0].code === "required");
  } finally {
    delete Object.prototype.sk;
    delete Object.prototype["X-Injected"];
  }
});

test("the quick and careful readings report the same issues", () => {
  for (const [change, path, code] of [
    [{ method: 5 }, "method", "type"],
    [{ method: "" }, "method", "required"],
    [{ url: "ftp://x" }, "url", "format"],
    [{ ak: undefined }, "ak", "required"],
    [{ date: new Date(NaN) }, "date", "type"],
    [{ date: Date.now() }, "date", "type"],
    [{ headers: { a: 1 } }, "headers.a", "type"],
  ]) {
    const request = { ...base, ...change };
    const issues = (r) => {
      try {
        signRequest(r);
      } catch (e) {
        return e.issues;
      }
      assert.fail(`${path}: signed`);
    };
    const quick = issues(request);
    assert.equal(quick[0].path, path);
    assert.equal(quick[0].code, code, path);
    for (const other of careful(request)) assert.deepEqual(issues(other), quick, path);
  }
});
