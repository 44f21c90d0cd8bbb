// The web entry's init(): safe to call twice, and retried after a failure.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

test("init() is idempotent, and a failed init() can be retried", async () => {
  // A fresh module instance: the query string makes it a different module URL.
  const web = await import(`../../js/web.js?fresh=${Date.now()}`);
  assert.throws(() => web.validateCreatePublicip({}), /await init\(\)/, "sync exports need init first");
  await assert.rejects(web.init(new Uint8Array([0, 1, 2, 3])), "garbage bytes are refused");
  const bytes = readFileSync(new URL("../../pkg/eipkit_bg.wasm", import.meta.url));
  const first = web.init(bytes);
  assert.equal(web.init(bytes), first, "the second call shares the first's promise");
  await first;
  assert.equal(web.validateCreatePublicip({}).ok, false);
});
