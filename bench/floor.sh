#!/usr/bin/env bash
# The floor (issue 23): a bare Kestrel WebSocket echo (Rekindle.EchoFloor) beside Rekindle's bench app,
# driven by the same load generator, in interleaved rounds (every variant once per round, in turn), so a
# shared machine's background load falls on all of them alike. Measures server CPU µs per event and the
# round trip at N views × 1 event/s, and RSS / GC heap per idle connection at N views.
#
#   bench/floor.sh RAW_DIR        run.sh calls it; usable alone after `dotnet build -c Release` of the three projects
# Environment: PORT (default 5080), ROUNDS (default 3), LOAD_VIEWS (default "1000 3000"), MEM_VIEWS
# (default "1000 10000"), LOAD_SECONDS (default 30), QUICK=1 (1 round, 20 s, MEM_VIEWS "1000 2000"),
# VARIANTS (default "floor off browser default compressed"), SPIN_FREE=1 (every server with
# DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0), ECHO_DLL, REKINDLE_DLL, LOADGEN.
# Writes RAW_DIR/floor/<kind>-<N>-<variant>-<round>.json. Servers are direct children stopped by PID.
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
RAW="${1:?usage: floor.sh RAW_DIR}"
OUT="$RAW/floor"
PORT="${PORT:-5080}"
ROUNDS="${ROUNDS:-3}"; LOAD_VIEWS="${LOAD_VIEWS:-1000 3000}"; MEM_VIEWS="${MEM_VIEWS:-1000 10000}"; LOAD_SECONDS="${LOAD_SECONDS:-30}"
if [ "${QUICK:-0}" = 1 ]; then ROUNDS=1; LOAD_SECONDS=20; MEM_VIEWS="${MEM_VIEWS_QUICK:-1000 2000}"; fi
VARIANTS="${VARIANTS:-floor off browser default compressed}"
ECHO_DLL="${ECHO_DLL:-$HERE/Rekindle.EchoFloor/bin/Release/net10.0/Rekindle.EchoFloor.dll}"
REKINDLE_DLL="${REKINDLE_DLL:-$HERE/Rekindle.BenchApp/bin/Release/net10.0/Rekindle.BenchApp.dll}"
LOADGEN="${LOADGEN:-$HERE/Rekindle.LoadGen/bin/Release/net10.0/Rekindle.LoadGen.dll}"
mkdir -p "$OUT"
SPIN_ENV=()
[ "${SPIN_FREE:-0}" = 1 ] && SPIN_ENV=(DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0)

SERVER_PID=""
start_server() { # start_server <variant>
  local variant="$1" data
  data="$(mktemp -d "$OUT/data.XXXXXX")"
  local cmd=(dotnet "$REKINDLE_DLL" --urls "http://127.0.0.1:$PORT" --Rekindle:DataPath "$data")
  case "$variant" in
    floor) cmd=(dotnet "$ECHO_DLL" --urls "http://127.0.0.1:$PORT") ;;
    off) cmd+=(--Rekindle:Recovery:Enabled false) ;;
    browser) cmd+=(--Rekindle:Recovery:Store Browser) ;;
    default) ;;
    compressed) cmd+=(--Rekindle:Transport:Compression true) ;;
    *) echo "unknown variant $variant"; return 1 ;;
  esac
  ( cd "$data" && exec env "${SPIN_ENV[@]}" "${cmd[@]}" ) >>"$OUT/server-$variant.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 150); do
    curl -sf "http://127.0.0.1:$PORT/_stats" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server $variant exited early"; return 1; }
    sleep 0.2
  done
  echo "server $variant did not start"; return 1
}
stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  kill -TERM "$SERVER_PID" 2>/dev/null
  for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$SERVER_PID" 2>/dev/null
  wait "$SERVER_PID" 2>/dev/null
  SERVER_PID=""
}
trap stop_server EXIT

run() { # run <name> <variant> <loadgen args...>
  local name="$1" variant="$2"; shift 2
  local client=()
  [ "$variant" = floor ] && client=(--no-verify)          # the echo's replies carry no count
  [ "$variant" = compressed ] && client=(--deflate)       # the load generator offers permessage-deflate
  start_server "$variant" || return 0
  echo "=== $(date -u +%H:%M:%S) [load $(cut -d' ' -f1 /proc/loadavg)] floor $name ($variant)"
  dotnet "$LOADGEN" --url "http://127.0.0.1:$PORT" --path /counter --json "$OUT/$name.json" "${client[@]}" "$@" >"$OUT/$name.log" 2>&1
  echo "    rc=$? $(grep -E 'server CPU per event|memory per view|round trip:' "$OUT/$name.log" | tr '\n' ' ')"
  stop_server
}

for round in $(seq 1 "$ROUNDS"); do
  for n in $LOAD_VIEWS; do
    for v in $VARIANTS; do
      run "load-$n-$v-$round" "$v" --views "$n" --ramp 1000 --warmup 20 --rate 1 --duration "$LOAD_SECONDS"
    done
  done
  for n in $MEM_VIEWS; do
    for v in $VARIANTS; do
      run "mem-$n-$v-$round" "$v" --views "$n" --ramp 1000 --warmup 20 --click-on-open --mem --duration 0
    done
  done
done
