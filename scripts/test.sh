#!/usr/bin/env bash
# Every test of eipkit, from a fresh machine: installs what is missing (scripts/setup.sh),
# builds the package, and runs each suite. Fails on the first failing suite.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "toolchain"
bash scripts/setup.sh

step "format and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p eipkit --target wasm32-unknown-unknown --all-targets -- -D warnings

step "core: native Rust tests"
cargo test -p eipkit-core

step "build the npm package"
bash scripts/build.sh

step "wasm-bindgen tests in Node"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown -p eipkit --test wasm_node

step "JS tests of the built package, the emulator, packaging"
node --test tests/js/ tests/emulator/ tests/package/

step "all suites passed"
