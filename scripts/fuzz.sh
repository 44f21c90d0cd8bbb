#!/usr/bin/env bash
# Fuzzes eipkit-core with cargo-fuzz (libFuzzer): builds every target in fuzz/ and runs each for
# SECONDS_PER_TARGET seconds (default 60), one after the other, on one core. Prints one line per
# target; exits non-zero if any target crashed (the input is saved in fuzz/artifacts/TARGET/).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]
#
# Needs the nightly toolchain (`rustup toolchain install nightly`); installs cargo-fuzz if missing.
# New inputs go to fuzz/corpus/TARGET (kept between runs, not committed); the committed seeds
# are in fuzz/seeds/TARGET, the dictionaries in fuzz/dicts/.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET]   (a whole number of seconds, default 60)" >&2
  exit 2
fi

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz.sh: the nightly toolchain is missing: rustup toolchain install nightly" >&2
  exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

fuzz=(cargo +nightly fuzz)

echo "== building the fuzz targets"
"${fuzz[@]}" build --fuzz-dir fuzz

mkdir -p fuzz/logs
failed=()
while read -r target; do
  [[ -n "$target" ]] || continue
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  log="fuzz/logs/$target.log"
  dict=()
  if [[ -f "fuzz/dicts/$target.dict" ]]; then dict=("-dict=fuzz/dicts/$target.dict"); fi
  status=0
  # New inputs go to the first corpus directory; the seeds are only read.
  "${fuzz[@]}" run --fuzz-dir fuzz "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
    -max_total_time="$seconds" -timeout=20 -print_final_stats=1 "${dict[@]}" >"$log" 2>&1 || status=$?
  stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -n 1; }
  runs="$(stat number_of_executed_units)"
  per_second="$(stat average_exec_per_sec)"
  corpus="$(ls "fuzz/corpus/$target" | wc -l)"
  if [[ "$status" -eq 0 ]]; then
    printf '%-10s ok      %12s runs in %ss (%s/s), corpus %s\n' "$target" "${runs:-?}" "$seconds" "${per_second:-?}" "$corpus"
  else
    failed+=("$target")
    printf '%-10s FAILED  %12s runs (exit %s), log %s\n' "$target" "${runs:-?}" "$status" "$log"
    grep -E 'panicked at|^SUMMARY|Test unit written to|^==[0-9]+==ERROR' "$log" | head -n 8 | sed 's/^/           /' || true
  fi
done < <("${fuzz[@]}" list --fuzz-dir fuzz)

if [[ "${#failed[@]}" -gt 0 ]]; then
  echo "fuzz.sh: ${#failed[@]} target(s) failed: ${failed[*]}; reproduce with: cargo +nightly fuzz run --fuzz-dir fuzz TARGET fuzz/artifacts/TARGET/crash-..." >&2
  exit 1
fi
echo "fuzz.sh: every target ran ${seconds}s without a failure"
