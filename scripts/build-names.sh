#!/usr/bin/env bash
# The whole package's wasm built as `npm run build` builds it, but keeping function names, for
# CPU profiles (`node --cpu-prof bench/profile.mjs … --names target/names`) and `twiggy`.
# Output: target/names/eipkit.js and eipkit_bg.wasm; pkg/ is not touched.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo +nightly build --release --target wasm32-unknown-unknown -p eipkit --target-dir target/size \
  -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size \
  --config 'target.wasm32-unknown-unknown.rustflags = ["-Zunstable-options", "-Cpanic=immediate-abort", "-Zfmt-debug=none", "-Zlocation-detail=none"]' \
  --config 'profile.release.package.core.opt-level = 3' --config 'profile.release.package.dlmalloc.opt-level = 3' >&2
rm -rf target/names
wasm-bindgen --target web --no-typescript --keep-debug --out-dir target/names --out-name eipkit \
  target/size/wasm32-unknown-unknown/release/eipkit.wasm
# -g keeps the names through wasm-opt.
node_modules/.bin/wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  target/names/eipkit_bg.wasm -o target/names/eipkit_bg.wasm
echo "[build-names] target/names/eipkit_bg.wasm" >&2
