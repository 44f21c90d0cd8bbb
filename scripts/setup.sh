#!/usr/bin/env bash
# Installs what eipkit's build, demo and tests need on a fresh machine, skipping whatever is
# already there, so it is cheap to run before every build.
#   bash scripts/setup.sh            Rust wasm target, nightly's rust-src, wasm-bindgen CLI, npm packages
#   bash scripts/setup.sh --browser  ... and Chromium + ChromeDriver for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[setup] %s\n' "$*" >&2; }
browser=0
for arg in "$@"; do [ "$arg" = --browser ] && browser=1; done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The release wasm is built with nightly's build-std (scripts/build.sh), which needs nightly's
# standard library sources; the fuzzer needs nightly too.
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  log "installing the nightly toolchain"
  rustup toolchain install nightly --profile minimal
fi
if ! rustup component list --toolchain nightly --installed | grep -qx rust-src; then
  log "adding rust-src to nightly"
  rustup component add rust-src --toolchain nightly
fi

# The CLI must be exactly the wasm-bindgen version in Cargo.lock ("schema version" errors otherwise).
want=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  log "installing wasm-bindgen-cli $want (found '${have:-none}'; takes about 3 minutes)"
  # Not --locked: the CLI's own lockfile wants a crate version the registry mirror lacks.
  cargo install wasm-bindgen-cli --version "$want"
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Chromium for the browser tests, and a CJK font so screenshots of the Chinese UI are legible.
if [ "$browser" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -d /usr/share/fonts/truetype/wqy ]; }; then
  log "installing Chromium, ChromeDriver and a CJK font"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-wqy-zenhei >/dev/null
fi
