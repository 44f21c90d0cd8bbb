#!/usr/bin/env bash
# Every test of eipkit, from a fresh machine: installs what is missing (scripts/setup.sh),
# builds the package, and runs each suite. Fails on the first failing suite.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "toolchain"
bash scripts/setup.sh --browser

step "format and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p eipkit --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy -p eipkit --target wasm32-unknown-unknown --no-default-features --lib -- -D warnings   # the validators-only build

step "core: native Rust tests (the state machines against a scripted service), and the native walkthrough example"
cargo test -p eipkit-core
cargo test -p eipkit --lib   # the binding's option readers, natively on JSON
cargo build -p eipkit-core --example bind_new_publicip

step "build the npm package (both builds), and check their sizes have not grown (README, Size)"
bash scripts/build.sh
node scripts/size.mjs --max-kb 136 --max-validate-kb 55

step "wasm-bindgen tests in Node and headless Chromium, against the emulator"
source scripts/emulator.sh
start_emulator --transition-ms 20
export EIPKIT_EMULATOR_URL="$EMULATOR_URL"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
cargo test --target wasm32-unknown-unknown -p eipkit --test wasm_node --test wasm_fetch_node
CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown -p eipkit --test wasm_fetch_browser

step "JS tests of the built package, the emulator, packaging; the native walkthrough against the emulator"
node --test tests/js/ tests/emulator/ tests/package/ tests/native/

step "stress: hostile input at every export, faults against the emulator, a soak, secrets"
node --test tests/stress/

step "every runtime, from the npm pack tarball: Node ESM and CJS, Vite in Chromium, a plain page, Deno, workerd"
node --test tests/runtimes/

step "the console end to end in headless Chromium (screenshots in artifacts/e2e/)"
node --test tests/e2e/

step "fuzzing the core: every target for 60 s (scripts/fuzz.sh; longer: scripts/fuzz.sh 600)"
bash scripts/fuzz.sh 60

step "all suites passed"
