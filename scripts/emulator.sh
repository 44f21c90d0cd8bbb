# Sourced: `start_emulator [server.mjs options]` starts the EIP API emulator on a free port,
# sets EMULATOR_URL, and stops it when the calling shell exits.
start_emulator() {
  local out
  out=$(mktemp)
  node emulator/server.mjs --port 0 --quiet "$@" > "$out" &
  EMULATOR_PID=$!
  trap 'kill "$EMULATOR_PID" 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do
    EMULATOR_URL=$(sed -n 's/^eip-emulator listening on //p' "$out")
    [ -n "$EMULATOR_URL" ] && break
    sleep 0.1
  done
  rm -f "$out"
  [ -n "$EMULATOR_URL" ] || { echo "the emulator did not start" >&2; return 1; }
  export EMULATOR_URL
}
