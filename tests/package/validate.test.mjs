// `eipkit/validate`: the validators, rule descriptions and Standard Schemas over a wasm module of
// their own. Same results as `eipkit`, none of the client, and the same init() behaviour.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as forms from "eipkit/validate";
// In one process the entries share js/validators.js, which validates with eipkit/validate's
// module once it is loaded; the whole package's own module is reached through its one-file
// bundle, which holds its own copy of that JS.
import * as full from "eipkit/bundle";

await full.init(readFileSync(new URL("../../pkg/eipkit_bg.wasm", import.meta.url)));

const BODIES = [
  { publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", name: "bw", size: 5 } },
  { publicip: { type: "5_bgp", alias: "web server" }, bandwidth: { share_type: "PER", size: 320 } },
  { publicip: { type: "5_bgp", ip_version: 6 }, bandwidth: { share_type: "WHOLE", id: "x", name: "ignored" } },
  { publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", name: "bw", size: 5 }, extendParam: { charge_mode: "prePaid", period_type: "year", period_num: 5 } },
  { publicip: { port_id: "02c72193-efec-42fb-853b-c33f2b802467", ip_version: 6 } },
  "not a body",
  null,
];

test("the same results as eipkit's own module, for every validator, locale and region", () => {
  for (const name of ["validateCreatePublicip", "validateCreatePrepaidPublicip", "validateUpdatePublicip"]) {
    for (const body of BODIES) {
      for (const options of [undefined, { locale: "zh-CN" }, { region: "ap-southeast-1" }]) {
        assert.deepEqual(forms[name](body, options), full[name](body, options), `${name} ${JSON.stringify(body)} ${JSON.stringify(options)}`);
      }
    }
  }
  assert.deepEqual(forms.fieldRules("createPrepaidPublicip"), full.fieldRules("createPrepaidPublicip"));
  assert.deepEqual(forms.regions(), full.regions());
  const body = BODIES[0];
  assert.deepEqual(forms.createPublicipSchema["~standard"].validate(body), full.createPublicipSchema["~standard"].validate(body));
  assert.equal(forms.updatePublicipSchema.with({ locale: "zh-CN" })["~standard"].validate({}).issues[0].code, "required");
});

test("it holds none of the client", () => {
  for (const name of ["EipClient", "iamTokenProvider", "signRequest"]) assert.equal(forms[name], undefined, name);
  assert.equal(typeof forms.init, "function");
  assert.ok(new forms.EipError({ kind: "validation", message: "x" }) instanceof Error);
});

test("its module is the smaller one", () => {
  const size = (path) => readFileSync(new URL(path, import.meta.url)).length;
  assert.ok(size("../../pkg/validate/eipkit_validate_bg.wasm") < size("../../pkg/eipkit_bg.wasm") / 2);
});

test("the one-file bundles: one module each beside its wasm, with the same exports as the entries they bundle", async () => {
  const { readFile } = await import("node:fs/promises");
  for (const file of ["../../pkg/eipkit.bundle.js", "../../pkg/validate/eipkit_validate.bundle.js"]) {
    const text = await readFile(new URL(file, import.meta.url), "utf8");
    assert.ok(!/\bfrom\s*["'`]|\bimport\s*\(/.test(text), `${file} imports nothing`);
    assert.ok(/new URL\("eipkit(_validate)?_bg\.wasm",import\.meta\.url\)/.test(text), `${file} finds its wasm beside it`);
  }
  const web = await import("../../js/web.js");
  assert.deepEqual(Object.keys(full).sort(), Object.keys(web).sort());
  const formsBundle = await import("eipkit/validate/bundle");
  assert.deepEqual(Object.keys(formsBundle).sort(), Object.keys(forms).sort());
  assert.ok(full.signRequest({ method: "GET", url: "https://vpc.cn-north-4.myhuaweicloud.com/v1/p/publicips", ak: "AK", sk: "SK" }).Authorization.startsWith("SDK-HMAC-SHA256"));
});
