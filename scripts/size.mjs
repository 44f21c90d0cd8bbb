// What the package costs a page: the wasm module, the wasm-bindgen glue and eipkit's own JS for
// the web target, raw and gzip (level 9), as the README reports. Run after `npm run build`:
//   node scripts/size.mjs [--json] [--max-kb N]
// With --max-kb it exits 1 when the gzip total is over N KB, so a size regression fails the tests.
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
  "eipkit JS (js/web.js and the modules it imports)": ["js/web.js", "js/api.js", "js/validators.js", "js/client.js", "js/engine.js", "js/error.js", "js/closed.js", "js/operations.js"],
};
const rows = Object.entries(parts).map(([name, files]) => {
  const bytes = Buffer.concat(files.map((f) => readFileSync(new URL(f, root))));
  return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const total = { name: "total (web target)", raw: rows.reduce((s, r) => s + r.raw, 0), gzip: rows.reduce((s, r) => s + r.gzip, 0) };
if (process.argv.includes("--json")) {
  console.log(JSON.stringify([...rows, total]));
} else {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  for (const r of [...rows, total]) console.log(`${r.name.padEnd(52)} ${kb(r.raw).padStart(9)} raw ${kb(r.gzip).padStart(9)} gzip`);
}

const max = process.argv.indexOf("--max-kb");
if (max !== -1) {
  const limit = Number(process.argv[max + 1]);
  if (!(limit > 0)) {
    console.error("usage: node scripts/size.mjs [--json] [--max-kb N]   (N: a number of KB)");
    process.exit(2);
  }
  if (total.gzip > limit * 1024) {
    console.error(`size: the web target is ${(total.gzip / 1024).toFixed(1)} KB gzip, over the ${limit} KB ceiling`);
    process.exit(1);
  }
}
