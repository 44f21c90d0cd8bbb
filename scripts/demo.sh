#!/usr/bin/env bash
# The main job. Until the web console lands, it builds the package and runs the validation example.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
node examples/validate.mjs "${1:-en}"
