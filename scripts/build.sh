#!/usr/bin/env bash
# Builds the npm package into pkg/: the wasm module (size-optimised) and its JS glue.
# The .wasm is the same for every runtime; the entries in js/ load it each runtime's way.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

cargo build --release --target wasm32-unknown-unknown -p eipkit
# Built aside and swapped in, so a test running meanwhile never sees a half-built package.
rm -rf pkg.next
wasm-bindgen --target web --no-typescript --out-dir pkg.next --out-name eipkit \
  target/wasm32-unknown-unknown/release/eipkit.wasm
# Rust's wasm32 target emits these features; wasm-opt must be told it may keep them.
node_modules/.bin/wasm-opt -Oz \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  pkg.next/eipkit_bg.wasm -o pkg.next/eipkit_bg.wasm
rm -rf pkg.old
[ -d pkg ] && mv pkg pkg.old
mv pkg.next pkg
rm -rf pkg.old
printf '[build] pkg/eipkit_bg.wasm: %s bytes, %s gzip\n' \
  "$(wc -c < pkg/eipkit_bg.wasm)" "$(gzip -9 -c pkg/eipkit_bg.wasm | wc -c)" >&2
