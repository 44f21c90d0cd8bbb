// What the package costs a page: the wasm module, the wasm-bindgen glue and eipkit's own JS for
// the web target, raw and gzip (level 9), as the README reports; and the same for the
// validators-only build (pkg/validate/), and the one-file bundles of both. Run after `npm run build`:
//   node scripts/size.mjs [--json] [--max-kb N] [--max-validate-kb N]
// With a ceiling it exits 1 when that gzip total is over it, so a size regression fails the tests.
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const root = new URL("../", import.meta.url);

/** The JS files wasm-bindgen copied into pkg/snippets/. */
function snippets(dir) {
  return readdirSync(new URL(dir, root), { recursive: true }).filter((f) => f.endsWith(".js")).map((f) => dir + f);
}
const parts = {
  "wasm (pkg/eipkit_bg.wasm)": ["pkg/eipkit_bg.wasm"],
  "wasm-bindgen glue (pkg/eipkit.js, pkg/snippets/)": ["pkg/eipkit.js", ...snippets("pkg/snippets/")],
  "eipkit JS (js/web.js and the modules it imports)": ["js/web.js", "js/api.js", "js/validators.js", "js/client.js", "js/engine.js", "js/error.js", "js/closed.js", "js/operations.js", "js/rules.js"],
};
/** `eipkit/validate` in a browser: its wasm, its glue, and the JS its web entry imports. */
const validateParts = {
  "eipkit/validate: wasm (pkg/validate/)": ["pkg/validate/eipkit_validate_bg.wasm"],
  "eipkit/validate: glue (pkg/validate/)": ["pkg/validate/eipkit_validate.js", ...snippets("pkg/validate/snippets/")],
  "eipkit/validate: JS (js/validate/web.js and its imports)": ["js/validate/web.js", "js/validators.js", "js/engine.js", "js/error.js", "js/closed.js", "js/rules.js"],
};
const measure = (table) =>
  Object.entries(table).map(([name, files]) => {
    const bytes = Buffer.concat(files.map((f) => readFileSync(new URL(f, root))));
    return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
const sum = (name, rows) => ({ name, raw: rows.reduce((s, r) => s + r.raw, 0), gzip: rows.reduce((s, r) => s + r.gzip, 0) });
const rows = measure(parts);
const total = sum("total (web target)", rows);
const validateRows = measure(validateParts);
const validateTotal = sum("total (eipkit/validate)", validateRows);
/** The one-file bundles (scripts/bundle.mjs): what a page without a bundler downloads. */
const bundleRows = measure({
  "eipkit/bundle: wasm + pkg/eipkit.bundle.js": ["pkg/eipkit_bg.wasm"],
  "eipkit/validate/bundle: wasm + its bundle": ["pkg/validate/eipkit_validate_bg.wasm"],
}).map((row, i) => {
  const [script] = measure({ script: [["pkg/eipkit.bundle.js", "pkg/validate/eipkit_validate.bundle.js"][i]] });
  return { name: row.name, raw: row.raw + script.raw, gzip: row.gzip + script.gzip };
});
if (process.argv.includes("--json")) {
  console.log(JSON.stringify([...rows, total, ...validateRows, validateTotal, ...bundleRows]));
} else {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  for (const r of [...rows, total, ...validateRows, validateTotal, ...bundleRows]) {
    console.log(`${r.name.padEnd(52)} ${kb(r.raw).padStart(9)} raw ${kb(r.gzip).padStart(9)} gzip`);
  }
}

for (const [flag, measured] of [["--max-kb", total], ["--max-validate-kb", validateTotal]]) {
  const at = process.argv.indexOf(flag);
  if (at === -1) continue;
  const limit = Number(process.argv[at + 1]);
  if (!(limit > 0)) {
    console.error("usage: node scripts/size.mjs [--json] [--max-kb N] [--max-validate-kb N]   (N: a number of KB)");
    process.exit(2);
  }
  if (measured.gzip > limit * 1024) {
    console.error(`size: ${measured.name} is ${(measured.gzip / 1024).toFixed(1)} KB gzip, over the ${limit} KB ceiling`);
    process.exit(1);
  }
}
