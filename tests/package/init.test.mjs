// The web entry's init(): safe to call twice, and retried after a failure; and the web entry
// beside the Node entry in one process.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
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

test('Node\'s entry and "eipkit/web" in one process: neither stops the other\'s exports working', () => {
  // The entries share the API modules; each registers its engine with them when imported.
  for (const order of [["eipkit", "eipkit/web"], ["eipkit/web", "eipkit"]]) {
    const script = `
      const [first, second] = [await import("${order[0]}"), await import("${order[1]}")];
      const before = [first, second].map((m) => m.validateCreatePublicip({}).ok);
      await second.init();
      await first.init();
      console.log(JSON.stringify([...before, first.EipClient === second.EipClient]));
    `;
    const out = execFileSync("node", ["--input-type=module", "-e", script], { cwd: new URL("../..", import.meta.url), encoding: "utf8" });
    assert.deepEqual(JSON.parse(out), [false, false, true], `imported in the order ${order.join(", ")}`);
  }
});
