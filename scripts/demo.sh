#!/usr/bin/env bash
# The main job: the web console against the local EIP API emulator. Installs what is missing,
# builds the package, starts both, and prints the URL.
#   bash scripts/demo.sh [--port 8080] [--emulator-port 8787] [--transition-ms 1200]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
exec node www/serve.mjs "$@"
