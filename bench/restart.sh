#!/usr/bin/env bash
# Restart-to-all-restored time (Rekindle only; Blazor loses its circuits on restart): N views on
# /counter click every few seconds, the server is killed with SIGKILL, started again on the same port
# and data folder, and every view reconnects and rejoins like the stock client (Phoenix back-off
# 10 ms ... 2 s, then 5 s). The load generator checks each view's count came back and reports the
# time from the first dropped socket to the last rejoin.
#
#   bench/restart.sh [N=1000] [output.json]      (run.sh calls it; usable alone after a build)
# Environment: PORT (default 5080), BENCH_ROOT, REKINDLE_DLL, LOADGEN, RECOVERY_STORE (Server|Browser),
# SERVER_ARGS (more server options, e.g. the engine's default join limits instead of the bench app's lifted ones),
# RAMP (views opened per second, default 1000; 13 stays within the default 600 first mounts a minute per address).
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
N="${1:-1000}"
OUT="${2:-/tmp/rekindle-restart-$N.json}"
PORT="${PORT:-5080}"
ROOT="${BENCH_ROOT:-/tmp/rekindle-bench}"
REKINDLE_DLL="${REKINDLE_DLL:-$HERE/Rekindle.BenchApp/bin/Release/net10.0/Rekindle.BenchApp.dll}"
LOADGEN="${LOADGEN:-$HERE/Rekindle.LoadGen/bin/Release/net10.0/Rekindle.LoadGen.dll}"
DATA="$(mktemp -d "$ROOT/restart-data.XXXXXX")"
LOGFILE="$DATA/server.log"
STORE_ARGS=()
[ -n "${RECOVERY_STORE:-}" ] && STORE_ARGS=(--Rekindle:Recovery:Store "$RECOVERY_STORE")
read -r -a EXTRA_ARGS <<<"${SERVER_ARGS:-}"

SERVER_PID=""
start_server() {
  dotnet "$REKINDLE_DLL" --urls "http://127.0.0.1:$PORT" --Rekindle:DataPath "$DATA" "${STORE_ARGS[@]}" "${EXTRA_ARGS[@]}" >>"$LOGFILE" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$PORT/_stats" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited early"; tail -20 "$LOGFILE"; return 1; }
    sleep 0.05
  done
  echo "server did not start"; return 1
}
stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  kill -TERM "$SERVER_PID" 2>/dev/null
  for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$SERVER_PID" 2>/dev/null
  wait "$SERVER_PID" 2>/dev/null
  SERVER_PID=""
}
LG_PID=""
trap 'stop_server; [ -n "$LG_PID" ] && kill "$LG_PID" 2>/dev/null; rm -rf "$DATA"' EXIT

start_server || exit 1
# Ramp at 1000/s, one click each at open, then 0.2 clicks/s per view: the counts differ per view.
HOLD=45
dotnet "$LOADGEN" --url "http://127.0.0.1:$PORT" --path /counter --views "$N" --ramp "${RAMP:-1000}" --click-on-open \
  --rate 0.2 --duration "$HOLD" --reconnect --rejoin-wait 60 --json "$OUT" &
LG_PID=$!
# Kill once every view is open and has clicked a few times.
for _ in $(seq 1 120); do
  open=$(curl -sf "http://127.0.0.1:$PORT/_stats" | sed -n 's/.*"circuitsOpen":\([0-9]*\).*/\1/p')
  [ "${open:-0}" -ge "$N" ] && break
  sleep 0.5
done
sleep 10
echo "restart: SIGKILL to the server (pid $SERVER_PID) with ${open:-?} views open at $(date -u +%T.%3N)"
kill -KILL "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null; SERVER_PID=""
t0=$(date +%s%N)
start_server || exit 1
echo "restart: server answering again after $(( ($(date +%s%N) - t0) / 1000000 )) ms"
wait "$LG_PID"; rc=$?; LG_PID=""
stop_server
echo "restart: load generator exit $rc"
exit "$rc"
