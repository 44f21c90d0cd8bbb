// The validators as Standard Schemas (standardschema.dev), driven by real consumers: a
// @tanstack/form-core form whose field errors land on their fields, a Hono app behind
// @hono/standard-validator's sValidator, and direct checks of the contract (paths as keys,
// errors only, the normalised body as `value`, `.with(options)`, never a throw, before init).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { FieldApi, FormApi } from "@tanstack/form-core";
import { sValidator } from "@hono/standard-validator";
import { Hono } from "hono";
import {
  createPrepaidPublicipSchema,
  createPublicipSchema,
  updatePublicipSchema,
  validateCreatePublicip,
} from "eipkit";
import { PER_BODY } from "./support.mjs";

const validate = (schema, value) => schema["~standard"].validate(value);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WHOLE = { share_type: "WHOLE", id: "ebfa375c-3f93-465e-81a3-bd66e578ee9d" };

test("the schemas are Standard Schema v1 objects from vendor eipkit, frozen", () => {
  for (const schema of [createPublicipSchema, createPrepaidPublicipSchema, updatePublicipSchema]) {
    const props = schema["~standard"];
    assert.equal(props.version, 1);
    assert.equal(props.vendor, "eipkit");
    assert.equal(typeof props.validate, "function");
    assert.ok(Object.isFrozen(schema) && Object.isFrozen(props), "a shared export cannot be changed by one caller");
  }
});

// ---- (a) @tanstack/form-core: a form-level schema, errors on the fields ----

function form(schema, onSubmit = () => {}) {
  const api = new FormApi({
    defaultValues: { publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", name: "bw", size: 5 } },
    validators: { onChange: schema },
    onSubmit,
  });
  api.mount();
  const fields = Object.fromEntries(["publicip.alias", "bandwidth.name", "bandwidth.size"].map((name) => {
    const field = new FieldApi({ form: api, name });
    field.mount();
    return [name, field];
  }));
  return { api, fields };
}

test("@tanstack/form-core: a form validated by createPublicipSchema has each issue on its own field", async () => {
  const submitted = [];
  const { api, fields } = form(createPublicipSchema, ({ value }) => submitted.push(value));
  fields["bandwidth.size"].handleChange(320);
  fields["publicip.alias"].handleChange("web server");
  const errors = (name) => fields[name].state.meta.errors;
  assert.deepEqual(errors("bandwidth.size").map((i) => [i.code, i.short]), [["step", "Must be a multiple of 50 in its band; nearest: 300 or 350."]]);
  assert.deepEqual(errors("publicip.alias").map((i) => [i.code, i.params.invalid]), [["charset", ["U+0020"]]]);
  assert.deepEqual(errors("bandwidth.name"), [], "a valid field has no error");
  assert.equal(api.state.isValid, false);

  await api.handleSubmit();
  assert.deepEqual(submitted, [], "an invalid form is not submitted");

  fields["bandwidth.size"].handleChange(350);
  fields["publicip.alias"].handleChange("web");
  assert.deepEqual([errors("bandwidth.size"), errors("publicip.alias")], [[], []]);
  assert.equal(api.state.isValid, true);
  await api.handleSubmit();
  assert.deepEqual(submitted, [{ publicip: { type: "5_bgp", alias: "web" }, bandwidth: { share_type: "PER", name: "bw", size: 350 } }]);
});

test("@tanstack/form-core: a cross-field rule lands on the field it is about, in the bound locale", () => {
  const { fields } = form(createPublicipSchema.with({ locale: "zh-CN" }));
  fields["bandwidth.name"].handleChange(undefined); // cleared (an empty string would be a name too short)
  // bandwidth.name is required for a dedicated (PER) bandwidth: the error is the name's.
  assert.deepEqual(fields["bandwidth.name"].state.meta.errors.map((i) => i.short), ["当 bandwidth.share_type 为 \"PER\" 时，必填。"]);
  assert.deepEqual(fields["bandwidth.size"].state.meta.errors, []);
  assert.deepEqual(fields["publicip.alias"].state.meta.errors, []);
});

// ---- (b) Hono with @hono/standard-validator ----

function app(schema) {
  const hono = new Hono();
  hono.post("/publicips", sValidator("json", schema), (c) => c.json({ wouldSend: c.req.valid("json") }, 201));
  return hono;
}
const post = (hono, body) =>
  hono.request("/publicips", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

test("Hono: sValidator(\"json\", createPublicipSchema) passes a valid body on, normalised", async () => {
  const response = await post(app(createPublicipSchema), { ...PER_BODY, publicip: { type: "5_bgp", alias: null } });
  assert.equal(response.status, 201);
  // c.req.valid("json") is the body as it would be sent: the null alias dropped.
  assert.deepEqual(await response.json(), { wouldSend: PER_BODY });
});

test("Hono: an invalid body is refused with 400 and the issues, before the handler runs", async () => {
  const response = await post(app(createPublicipSchema), {
    publicip: { type: "5_bgp" },
    bandwidth: { share_type: "PER", name: "bw", size: 2001 },
    bandwith: {},
  });
  assert.equal(response.status, 400);
  const { success, error } = await response.json();
  assert.equal(success, false);
  assert.deepEqual(error.map((i) => [i.path, i.code]), [[["bandwidth", "size"], "range"], [["bandwith"], "unknown_field"]]);
  assert.equal(error[0].message, "bandwidth.size must be between 1 and 2000.");
  assert.equal(error[0].short, "Must be between 1 and 2000.");
  assert.ok(error.every((i) => i.severity === "error"));
});

test("Hono: a schema bound to a region and a locale", async () => {
  const hono = app(createPublicipSchema.with({ region: "ap-southeast-1", locale: "zh-CN" }));
  const response = await post(hono, { ...PER_BODY, publicip: { type: "5_sbgp" } });
  assert.equal(response.status, 400);
  const [issue] = (await response.json()).error;
  assert.deepEqual([issue.path, issue.code, issue.params.allowed], [["publicip", "type"], "region", ["5_bgp"]]);
  assert.match(issue.message, /区域 ap-southeast-1 不提供/);
});

// ---- (c) the contract, directly ----

test("issues carry the path as keys, the code, the params and both sentences; the body itself has no path", () => {
  const { issues } = validate(createPublicipSchema, { publicip: { type: "5_bgp", alias: "web server" }, bandwidth: { share_type: "PER", size: 320 } });
  assert.deepEqual(issues.map((i) => [i.path, i.code]), [
    [["publicip", "alias"], "charset"], [["bandwidth", "size"], "step"], [["bandwidth", "name"], "required_if"]]);
  const long = validateCreatePublicip({ publicip: { type: "5_bgp", alias: "web server" }, bandwidth: { share_type: "PER", size: 320 } }).issues;
  assert.deepEqual(issues.map((i) => [i.message, i.short, i.params]), long.map((i) => [i.message, i.short, i.params]), "the validators' own issues");
  const [body] = validate(createPublicipSchema, "x").issues;
  assert.equal("path" in body, false, "an issue about the body itself has no path");
  assert.equal(body.code, "type");
});

test("an unknown key with a dot in it is one key of the path", () => {
  const { issues } = validate(updatePublicipSchema, { publicip: { port_id: "", "a.b": 1 }, "c.d": { e: 1 } });
  assert.deepEqual(issues.map((i) => i.path), [["publicip", "a.b"], ["c.d"]]);
});

test("only errors fail a value: a body with only warnings succeeds, and warnings are never issues", () => {
  // `size` on a shared bandwidth is ignored by the service: a warning.
  const body = { publicip: { type: "5_bgp" }, bandwidth: { ...WHOLE, size: 5 } };
  assert.ok(validateCreatePublicip(body).issues.some((i) => i.severity === "warning"));
  const result = validate(createPublicipSchema, body);
  assert.equal(result.issues, undefined);
  assert.deepEqual(result.value, body);
  const failed = validate(createPublicipSchema, { ...body, enterprise_project_id: "1" });
  assert.deepEqual(failed.issues.map((i) => [i.path, i.severity]), [[["enterprise_project_id"], "error"]], "the warning is left out");
});

test("value is the body as it would be sent: known fields only, nulls dropped, integers as integers", () => {
  const result = validate(createPrepaidPublicipSchema, {
    publicip: { type: "5_bgp", ip_version: null },
    bandwidth: { share_type: "PER", name: "bw", size: 5.0 },
    extendParam: { charge_mode: "prePaid", period_type: "month", period_num: 1, is_auto_pay: true },
    enterprise_project_id: null,
  });
  assert.deepEqual(result, { value: {
    publicip: { type: "5_bgp" },
    bandwidth: { share_type: "PER", name: "bw", size: 5 },
    extendParam: { charge_mode: "prePaid", period_type: "month", period_num: 1, is_auto_pay: true },
  } });
  assert.deepEqual(validate(updatePublicipSchema, { publicip: { port_id: "" } }), { value: { publicip: { port_id: "" } } }, "unbind");
});

test(".with(options) binds locale and region in a new schema, over those already bound", () => {
  const zh = createPublicipSchema.with({ locale: "zh-CN" });
  assert.notEqual(zh, createPublicipSchema);
  assert.ok(Object.isFrozen(zh));
  const bad = { publicip: { type: "5_sbgp" }, bandwidth: { share_type: "PER", name: "bw", size: 2001 } };
  assert.equal(validate(zh, bad).issues[0].message, "bandwidth.size 必须在 1 到 2000 之间。");
  assert.equal(validate(zh, bad).issues[0].short, "必须在 1 到 2000 之间。");
  assert.equal(validate(createPublicipSchema, bad).issues[0].message, "bandwidth.size must be between 1 and 2000.", "the original is unchanged");
  // The region: 5_sbgp is not offered in Hong Kong.
  const hk = zh.with({ region: "ap-southeast-1" });
  assert.deepEqual(validate(hk, bad).issues.map((i) => i.code), ["range", "region"]);
  assert.match(validate(hk, bad).issues[1].short, /^区域 ap-southeast-1 不提供/, "the locale stays bound");
  assert.deepEqual(validate(zh, bad).issues.map((i) => i.code), ["range"], "zh is unchanged");
  assert.equal(validate(hk.with({ locale: "en" }), bad).issues[1].short, "\"5_sbgp\" is not offered in region ap-southeast-1; it offers \"5_bgp\".");
  // Options are read once, when bound: changing the object afterwards changes nothing.
  const options = { locale: "zh-CN" };
  const bound = createPublicipSchema.with(options);
  options.locale = "en";
  assert.match(validate(bound, bad).issues[0].message, /必须/);
});

test("validate and .with never throw, whatever they are given", () => {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const cyclic = { publicip: { type: "5_bgp" } };
  cyclic.bandwidth = cyclic;
  const hostile = [
    undefined, null, 10n, Symbol("s"), NaN, () => {}, revoked.proxy, cyclic,
    new Proxy({}, { get() { throw new Error("get"); }, ownKeys() { throw new Error("ownKeys"); } }),
    { get publicip() { throw new Error("getter"); } },
    { publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", name: "bw", size: 10n } },
  ];
  for (const schema of [createPublicipSchema, createPrepaidPublicipSchema, updatePublicipSchema]) {
    for (const value of hostile) {
      const result = validate(schema, value);
      assert.ok(Array.isArray(result.issues) && result.issues.length > 0, `${String(typeof value)}: ${JSON.stringify(result)}`);
      const bound = schema.with(value);
      assert.notEqual(bound, schema);
      assert.equal(typeof bound["~standard"].validate, "function");
    }
  }
  const size = validate(createPublicipSchema, hostile.at(-1)).issues;
  assert.deepEqual(size.map((i) => [i.path, i.params.received]), [[["bandwidth", "size"], "bigint"]]);
  // Options that cannot be read are no options.
  assert.deepEqual(validate(createPublicipSchema.with(revoked.proxy), PER_BODY), { value: PER_BODY });
});

test("before init() in the web entry, validate answers an `unavailable` issue instead of throwing", () => {
  const source = `
    import { readFileSync } from "node:fs";
    import { init, createPublicipSchema } from "eipkit/web";
    const body = ${JSON.stringify(PER_BODY)};
    const zh = createPublicipSchema.with({ locale: "zh-CN" });
    const before = [createPublicipSchema["~standard"].validate(body), zh["~standard"].validate(body)];
    await init(readFileSync(new URL("./pkg/eipkit_bg.wasm", "file://${ROOT}/")));
    const after = [createPublicipSchema["~standard"].validate(body), zh["~standard"].validate({})];
    console.log(JSON.stringify({ before, after }));
  `;
  const { before, after } = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", source], { cwd: ROOT, encoding: "utf8" }));
  assert.deepEqual(before[0], { issues: [{
    message: "eipkit is not initialised: await init() before validating.",
    short: "eipkit is not initialised: await init() before validating.",
    code: "unavailable", severity: "error", params: {},
  }] });
  assert.equal(before[1].issues[0].code, "unavailable");
  assert.match(before[1].issues[0].message, /尚未初始化/);
  assert.deepEqual(after[0], { value: PER_BODY }, "the same schema works once initialised");
  assert.equal(after[1].issues[0].message, "publicip 为必填项。", "and so does one bound before");
});
