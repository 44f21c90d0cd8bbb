// `npm install <checkout>` into a throwaway project, then `import ... from "eipkit"`, exactly as
// the README tells a user to do after `npm run build`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const checkout = fileURLToPath(new URL("../..", import.meta.url));

test("a project that installs the checkout imports eipkit as ESM", (t) => {
  const project = mkdtempSync(join(tmpdir(), "eipkit-consumer-"));
  t.after(() => rmSync(project, { recursive: true, force: true }));
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", checkout], { cwd: project, stdio: "pipe" });
  writeFileSync(join(project, "main.js"), `
    import { validateCreatePublicip } from "eipkit";
    const result = validateCreatePublicip({ publicip: { type: "5_bgp" }, bandwidth: { share_type: "PER", size: 5 } });
    console.log(JSON.stringify(result.issues.map((i) => i.code + "@" + i.path)));
  `);
  const out = execFileSync("node", ["main.js"], { cwd: project, encoding: "utf8" });
  assert.deepEqual(JSON.parse(out), ["required_if@bandwidth.name"]);
});
