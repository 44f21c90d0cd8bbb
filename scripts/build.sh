#!/usr/bin/env bash
# Builds the npm package into pkg/: the wasm module (size-optimised) and its JS glue.
# The .wasm is the same for every runtime; the entries in js/ load it each runtime's way.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

# Built for size with nightly's build-std: std itself is compiled with `optimize_for_size`,
# a panic aborts at once instead of formatting a message (the code never panics, and a panic
# traps the module either way), `Debug` formatting is compiled out (nothing at run time prints
# it) and so are source locations. Together about 14 KB gzip off the wasm and the glue.
# `core` and the allocator keep opt-level 3: at "z" validation ran 20-30% slower than the
# stable build; at 3 it is within 2-10%, for no measurable size.
# Its own target dir, so the stable builds of clippy and the wasm tests stay cached.
cargo +nightly build --release --target wasm32-unknown-unknown -p eipkit --target-dir target/size \
  -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size \
  --config 'target.wasm32-unknown-unknown.rustflags = ["-Zunstable-options", "-Cpanic=immediate-abort", "-Zfmt-debug=none", "-Zlocation-detail=none"]' \
  --config 'profile.release.package.core.opt-level = 3' --config 'profile.release.package.dlmalloc.opt-level = 3'
# Built aside and swapped in, so a test running meanwhile never sees a half-built package.
rm -rf pkg.next
wasm-bindgen --target web --no-typescript --out-dir pkg.next --out-name eipkit \
  target/size/wasm32-unknown-unknown/release/eipkit.wasm
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
