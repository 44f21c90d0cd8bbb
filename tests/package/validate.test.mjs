// `eipkit/validate`: the validators, rule descriptions and Standard Schemas over a wasm module of
// their own. Same results as `eipkit`, none of the client, and the same init() behaviour.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as full from "eipkit";
import * as forms from "eipkit/validate";

const BODIES = [
  { publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", name: "bw", size: 5 } },
  { publicip: { type: "5_bgp", alias: "web server" }, bandwidth: { share_type: "PER", size: 320 } },
  { publicip: { type: "5_bgp", ip_version: 6 }, bandwidth: { share_type: "WHOLE", id: "x", name: "ignored" } },
  { publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", name: "bw", size: 5 }, extendParam: { charge_mode: "prePaid", period_type: "year", period_num: 5 } },
  { publicip: { port_id: "02c72193-efec-42fb-853b-c33f2b802467", ip_version: 6 } },
  "not a body",
  null,
];

test("the same results as eipkit, for every validator, locale and region", () => {
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
