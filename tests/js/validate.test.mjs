// The validators of the built package, through its public entry, as the API reference pages
// ([000], [003], [004]) and docs/decisions.md state the rules.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  validateCreatePublicip,
  validateCreatePrepaidPublicip,
  validateUpdatePublicip,
} from "eipkit";

const CODES = new Set(["required", "required_if", "type", "unknown_field", "length", "charset", "enum",
  "range", "step", "conflict", "format", "region", "ignored"]);

/** Every result has exactly the documented shape. */
function assertResultShape(result) {
  assert.equal(typeof result, "object");
  assert.equal(typeof result.ok, "boolean");
  assert.ok(Array.isArray(result.issues));
  for (const issue of result.issues) {
    assert.equal(typeof issue.path, "string");
    assert.ok(CODES.has(issue.code), `unknown code ${issue.code}`);
    assert.ok(issue.severity === "error" || issue.severity === "warning");
    assert.equal(typeof issue.message, "string");
    assert.ok(issue.message.length > 0);
    // The short form, for next to the field, never names the path.
    assert.equal(typeof issue.short, "string");
    assert.ok(issue.short.length > 0);
    if (issue.path) assert.ok(!issue.short.includes(issue.path), `short form names the path: ${issue.short}`);
    assert.equal(typeof issue.params, "object");
  }
  assert.equal(result.ok, !result.issues.some((i) => i.severity === "error"));
}

// The API reference's own examples, verbatim.
const PAGE_000_CREATE = {
  publicip: { type: "5_bgp", ip_version: 6 },
  bandwidth: { name: "bandwidth123", size: 5, share_type: "WHOLE", id: "ebfa375c-3f93-465e-81a3-bd66e578ee9d" },
  enterprise_project_id: "0",
};
const PAGE_003_PREPAID = {
  publicip: { type: "5_bgp" },
  bandwidth: { name: "bw_666", size: 1, share_type: "PER", charge_mode: "bandwidth" },
  extendParam: { charge_mode: "prePaid", period_type: "month", period_num: 1, is_auto_renew: false, is_auto_pay: true },
};
const PAGE_003_POSTPAID = { publicip: { type: "5_bgp" }, bandwidth: { name: "bw_666", size: 1, share_type: "PER", charge_mode: "bandwidth" } };
const PAGE_004_BIND = { publicip: { port_id: "f588ccfa-8750-4d7c-bf5d-2ede24414706" } };

test("the reference's examples pass", () => {
  for (const [validate, body] of [
    [validateCreatePublicip, PAGE_000_CREATE],
    [validateCreatePrepaidPublicip, PAGE_003_PREPAID],
    [validateCreatePrepaidPublicip, PAGE_003_POSTPAID],
    [validateCreatePublicip, PAGE_003_POSTPAID],
    [validateUpdatePublicip, PAGE_004_BIND],
  ]) {
    const result = validate(body);
    assertResultShape(result);
    assert.equal(result.ok, true, JSON.stringify(result.issues));
    assert.ok(result.issues.every((i) => i.severity === "warning"));
  }
  // [000]'s IPv6-on-WHOLE body passes with a warning (docs/decisions.md, decision 2).
  const warned = validateCreatePublicip(PAGE_000_CREATE).issues;
  assert.deepEqual(warned.map((i) => [i.code, i.path, i.severity]), [
    ["ignored", "bandwidth.name", "warning"], ["ignored", "bandwidth.size", "warning"], ["conflict", "bandwidth.share_type", "warning"]]);
});

test("the reference's \"ip_version \" typo is caught and named", () => {
  const result = validateUpdatePublicip(JSON.parse('{ "publicip": { "ip_version ": 6 } }'));
  assert.equal(result.ok, false);
  assert.deepEqual(result.issues, [{
    path: "publicip.ip_version ", code: "unknown_field", severity: "error",
    message: "\"publicip.ip_version \" is not a field of this request. Did you mean \"ip_version\"?",
    short: "Not a field of this request. Did you mean \"ip_version\"?",
    params: { suggestion: "ip_version" },
  }]);
});

test("all issues at once, each with path, code, params and a message in the chosen locale", () => {
  const body = {
    publicip: { type: "5_bgp", alias: "my eip!" },
    bandwidth: { share_type: "PER", size: "10" },
    extendParam: { charge_mode: "prePaid", period_type: "year", period_num: 5 },
  };
  const en = validateCreatePrepaidPublicip(body);
  const zh = validateCreatePrepaidPublicip(body, { locale: "zh-CN" });
  assertResultShape(en);
  assertResultShape(zh);
  const summary = en.issues.map((i) => `${i.code}@${i.path}`);
  assert.deepEqual(summary.sort(), [
    "charset@publicip.alias", "range@extendParam.period_num", "required_if@bandwidth.name", "type@bandwidth.size"].sort());
  const range = en.issues.find((i) => i.code === "range");
  assert.deepEqual(range.params, { min: 1, max: 3, field: "extendParam.period_type", value: "year" });
  assert.equal(range.message, "extendParam.period_num must be between 1 and 3 when extendParam.period_type is \"year\".");
  assert.equal(zh.issues.find((i) => i.code === "range").message, "当 extendParam.period_type 为 \"year\" 时，extendParam.period_num 必须在 1 到 3 之间。");
  // The short forms, for next to the field.
  assert.equal(range.short, "Must be between 1 and 3 when extendParam.period_type is \"year\".");
  assert.equal(zh.issues.find((i) => i.code === "range").short, "当 extendParam.period_type 为 \"year\" 时，必须在 1 到 3 之间。");
  assert.equal(en.issues.find((i) => i.code === "type").short, "Must be an integer, not a string.");
  assert.deepEqual(zh.issues.map((i) => [i.path, i.code, i.params]), en.issues.map((i) => [i.path, i.code, i.params]));
});

test("options.region checks the types a region offers", () => {
  const body = { publicip: { type: "5_sbgp" }, bandwidth: { share_type: "PER", name: "bw", size: 5 } };
  assert.equal(validateCreatePublicip(body, { region: "cn-north-4" }).ok, true);
  const hk = validateCreatePublicip(body, { region: "ap-southeast-1" });
  assert.equal(hk.ok, false);
  assert.deepEqual(hk.issues[0].params, { value: "5_sbgp", allowed: ["5_bgp"], region: "ap-southeast-1" });
  const unknown = validateCreatePublicip(body, { region: "mars-1" });
  assert.equal(unknown.ok, true);
  assert.equal(unknown.issues[0].severity, "warning");
});

// Values a caller might pass by mistake or by malice. Each must give a result, never a throw.
function hostileValues() {
  const cyclic = { publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", name: "bw", size: 5 } };
  cyclic.publicip.back = cyclic;
  let deep = {};
  for (let i = 0; i < 100_000; i++) deep = { publicip: deep, bandwidth: deep };
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  return {
    undefined: undefined, null: null, number: 42, NaN: NaN, Infinity: -Infinity, string: "{\"publicip\":{}}",
    "empty string": "", array: [1, 2], function: () => {}, symbol: Symbol("body"), bigint: 10n, date: new Date(),
    map: new Map([["publicip", {}]]), "null prototype": Object.create(null), "class instance": new (class Body {})(),
    "throwing ownKeys proxy": new Proxy({}, { ownKeys() { throw new Error("ownKeys") } }),
    "throwing get proxy": new Proxy({ publicip: 1 }, { get() { throw new Error("get") } }),
    "revoked proxy": revocable.proxy,
    "throwing getter": { get publicip() { throw new Error("getter") }, get bandwidth() { throw new TypeError("x") } },
    cyclic, deep,
    "10 MB strings": { publicip: { type: "5".repeat(10_000_000), alias: "a".repeat(10_000_000) }, bandwidth: { share_type: "PER", name: "名".repeat(5_000_000), size: 5 } },
    "10 MB key": { ["k".repeat(10_000_000)]: 1 },
    "many keys": Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])),
    "NaN and Infinity in fields": { publicip: { type: NaN, ip_version: Infinity }, bandwidth: { share_type: "PER", name: "bw", size: NaN } },
    "__proto__ key": JSON.parse('{"__proto__": {"polluted": true}, "publicip": {"type": "5_bgp"}}'),
    "lone surrogates": { publicip: { type: "5_bgp", alias: "\uDC00eip\uD800" }, bandwidth: { share_type: "PER", name: "\uD83D", size: 1 } },
    "typed array": new Float64Array(4),
    "boxed string": new String("x"),
    "frozen": Object.freeze({ publicip: Object.freeze({ type: "5_bgp" }) }),
  };
}

test("any JS value gives a ValidationResult, never a throw, and the module keeps working", () => {
  const good = { publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", name: "bw", size: 5 } };
  for (const [name, value] of Object.entries(hostileValues())) {
    for (const validate of [validateCreatePublicip, validateCreatePrepaidPublicip, validateUpdatePublicip]) {
      let result;
      assert.doesNotThrow(() => { result = validate(value); }, `${name} threw`);
      assertResultShape(result);
      assert.equal(result.ok, false, `${name} should not be valid`);
      // Hostile options too.
      assert.doesNotThrow(() => validate(good, value), `${name} as options threw`);
    }
    assert.equal(validateCreatePublicip(good).ok, true, `module broken after ${name}`);
  }
  assert.equal({}.polluted, undefined, "no prototype pollution");
});

test("unreadable and non-JSON values are named in params.received", () => {
  const received = (body) => validateCreatePublicip(body).issues[0].params.received;
  const v = hostileValues();
  assert.equal(received(v["throwing ownKeys proxy"]), "unreadable");
  assert.equal(received(v["revoked proxy"]), "unreadable");
  assert.equal(received(v.bigint), "bigint");
  assert.equal(received(v.date), "date");
  const fields = validateCreatePublicip(v["NaN and Infinity in fields"]).issues;
  assert.deepEqual(fields.map((i) => [i.path, i.params.received]), [
    ["publicip.type", "NaN"], ["publicip.ip_version", "Infinity"], ["bandwidth.size", "NaN"]]);
});

test("a huge key is shortened in the path, and many unknown keys are counted", () => {
  const v = hostileValues();
  const [issue] = validateCreatePublicip(v["10 MB key"]).issues.filter((i) => i.code === "unknown_field");
  assert.ok(issue.path.length < 200 && issue.path.endsWith("…"));
  const many = validateCreatePublicip(v["many keys"]).issues.filter((i) => i.code === "unknown_field");
  assert.equal(many.length, 21);
  assert.deepEqual(many.at(-1).params, { count: 100_000 });
});
