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
