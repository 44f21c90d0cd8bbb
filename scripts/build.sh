#!/usr/bin/env bash
# Builds the npm package into pkg/: the wasm module (size-optimised) and its JS glue, twice from
# one crate: the whole package (pkg/eipkit*) and the validators-only module for forms
# (pkg/validate/eipkit_validate*, the crate without its `client` feature).
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
nightly=(cargo +nightly build --release --target wasm32-unknown-unknown -p eipkit --target-dir target/size
  -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
  --config 'target.wasm32-unknown-unknown.rustflags = ["-Zunstable-options", "-Cpanic=immediate-abort", "-Zfmt-debug=none", "-Zlocation-detail=none"]'
  --config 'profile.release.package.core.opt-level = 3' --config 'profile.release.package.dlmalloc.opt-level = 3')
# The fallback: the stable toolchain alone builds the same code, larger (no build-std).
stable=(cargo build --release --target wasm32-unknown-unknown -p eipkit)

# EIPKIT_STABLE=1 skips nightly; a nightly that is missing or fails to build says so and the
# stable build is used instead, so a broken nightly never breaks the build.
use_nightly=1
if [[ "${EIPKIT_STABLE:-}" == 1 ]]; then
  use_nightly=0
  echo "[build] EIPKIT_STABLE=1: the stable toolchain's build (larger: no build-std)" >&2
elif ! cargo +nightly --version >/dev/null 2>&1; then
  use_nightly=0
  echo "[build] no nightly toolchain: falling back to the stable build (larger: no build-std)." >&2
  echo "[build] for the size-optimised build: rustup toolchain install nightly --component rust-src" >&2
fi

# compile <features...>: builds the crate and prints the path of the .wasm.
compile() {
  if [[ $use_nightly == 1 ]]; then
    if "${nightly[@]}" "$@" >&2; then
      echo target/size/wasm32-unknown-unknown/release/eipkit.wasm
      return
    fi
    use_nightly=0
    echo "[build] the nightly build failed (above); falling back to the stable build (larger: no build-std)." >&2
    echo "[build] to keep using stable: EIPKIT_STABLE=1 npm run build" >&2
  fi
  "${stable[@]}" "$@" >&2
  echo target/wasm32-unknown-unknown/release/eipkit.wasm
}

# bindgen <wasm> <out-dir> <out-name>: the JS glue, then wasm-opt for size.
bindgen() {
  wasm-bindgen --target web --no-typescript --out-dir "$2" --out-name "$3" "$1"
  # Rust's wasm32 target emits these features; wasm-opt must be told it may keep them.
  # --converge repeats -Oz while it still shrinks; --low-memory-unused lets loads and stores
  # fold small constant offsets, which holds because Rust puts its 1 MB stack first and never
  # uses the lowest 1 KB; the producers section only names the tools. 0.9 KB gzip together.
  node_modules/.bin/wasm-opt -Oz --converge --low-memory-unused --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$2/$3_bg.wasm" -o "$2/$3_bg.wasm"
}

# Built aside and swapped in, so a test running meanwhile never sees a half-built package.
rm -rf pkg.next
full=$(compile)
bindgen "$full" pkg.next eipkit
# The module for forms does nothing but validate, so its own code is built for speed: at
# opt-level 2 a create body validates in about half the time of "z", for 2.4 KB gzip more
# (README, Size). The whole package stays at "z": there the network dominates.
validate=$(compile --no-default-features \
  --config 'profile.release.package.eipkit-core.opt-level = 2' --config 'profile.release.package.eipkit.opt-level = 2')
bindgen "$validate" pkg.next/validate eipkit_validate
node scripts/bundle.mjs pkg.next
rm -rf pkg.old
[ -d pkg ] && mv pkg pkg.old
mv pkg.next pkg
rm -rf pkg.old
for wasm in pkg/eipkit_bg.wasm pkg/validate/eipkit_validate_bg.wasm; do
  printf '[build] %s: %s bytes, %s gzip\n' "$wasm" "$(wc -c < "$wasm")" "$(gzip -9 -c "$wasm" | wc -c)" >&2
done
