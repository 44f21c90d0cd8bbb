// `eipkit/validate`'s web entry on its own (no other entry in this process, so nothing else has
// instantiated the validators): init() as the main entry's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const BODY = { publicip: { type: "5_bgp", alias: "web server" }, bandwidth: { share_type: "PER", size: 320 } };

test("the web entry: validators need init(), which is idempotent and can be retried; the rule data does not", async () => {
  const web = await import(`../../js/validate/web.js?fresh=${Date.now()}`);
  assert.ok(web.fieldRules("createPublicip").length > 0, "fieldRules is data: no init needed");
  assert.throws(() => web.validateCreatePublicip({}), /await init\(\)/);
  assert.equal(web.createPublicipSchema["~standard"].validate({}).issues[0].code, "unavailable");
  await assert.rejects(web.init(new Uint8Array([0, 1, 2, 3])), "garbage bytes are refused");
  const bytes = readFileSync(new URL("../../pkg/validate/eipkit_validate_bg.wasm", import.meta.url));
  const first = web.init(bytes);
  assert.equal(web.init(bytes), first);
  await first;
  assert.equal(web.validateCreatePublicip({}).ok, false);
  assert.deepEqual(web.validateCreatePublicip(BODY).issues.map((i) => i.code), ["charset", "step", "required_if"]);
});

