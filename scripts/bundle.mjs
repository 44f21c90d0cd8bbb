// One-file builds of the browser entries, for a page that loads eipkit without a bundler:
// `eipkit/bundle` (pkg/eipkit.bundle.js) and `eipkit/validate/bundle`
// (pkg/validate/eipkit_validate.bundle.js). Each is its entry with every module it imports and
// its wasm-bindgen glue in one minified file beside its .wasm, so the glue's
// `new URL("…_bg.wasm", import.meta.url)` still finds the module. A page then fetches one
// script instead of a waterfall of a dozen (bench/README.md, start-up). Run by scripts/build.sh
// after wasm-bindgen, with the pkg directory being built as the argument.
import { build } from "esbuild";

const pkg = process.argv[2] ?? "pkg";
const entries = [
  ["js/web.js", `${pkg}/eipkit.bundle.js`],
  ["js/validate/web.js", `${pkg}/validate/eipkit_validate.bundle.js`],
];
for (const [entry, outfile] of entries) {
  // The entries import "../pkg/…": point them at the directory being built.
  const alias = pkg === "pkg" ? {} : { plugins: [redirect(pkg)] };
  await build({ entryPoints: [entry], outfile, bundle: true, format: "esm", minify: true, legalComments: "none", target: "es2022", logLevel: "warning", ...alias });
}

/** Resolves the entries' imports of pkg/ to `dir` (the build writes a fresh directory first). */
function redirect(dir) {
  return {
    name: "pkg-dir",
    setup(b) {
      b.onResolve({ filter: /\/pkg\// }, (args) => ({ path: new URL(args.path.replace(/^(\.\.\/)+pkg\//, `${dir}/`), `file://${process.cwd()}/`).pathname }));
    },
  };
}
