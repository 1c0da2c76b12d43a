#!/usr/bin/env bash
# Heap per idle view by type: starts a server, opens N idle views with the load generator (each clicks
# once, as the memory runs do), takes a dotnet-gcdump while they are open, and writes the heap-stat report.
# Two reports of two builds, diffed by type, attribute a change of heap per view (bench/results/*.md).
#
#   bench/gcdump-idle.sh SERVER_DLL OUT_PREFIX [N=2000] [server args...]
# Writes OUT_PREFIX.gcdump, OUT_PREFIX.txt (dotnet-gcdump report) and OUT_PREFIX.loadgen.log.
# Environment: PORT (default 5080), LOADGEN, GCDUMP (default dotnet-gcdump, or ~/.dotnet/tools/dotnet-gcdump).
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
DLL="${1:?usage: gcdump-idle.sh SERVER_DLL OUT_PREFIX [N] [server args...]}"
OUT="${2:?usage: gcdump-idle.sh SERVER_DLL OUT_PREFIX [N] [server args...]}"
N="${3:-2000}"
shift 3 2>/dev/null || shift $#
PORT="${PORT:-5080}"
LOADGEN="${LOADGEN:-$HERE/Rekindle.LoadGen/bin/Release/net10.0/Rekindle.LoadGen.dll}"
GCDUMP="${GCDUMP:-$(command -v dotnet-gcdump || echo "$HOME/.dotnet/tools/dotnet-gcdump")}"
DATA="$(mktemp -d /tmp/rekindle-gcdump.XXXXXX)"

( cd "$DATA" && exec dotnet "$DLL" --urls "http://127.0.0.1:$PORT" --Rekindle:DataPath "$DATA" "$@" ) >"$OUT.server.log" 2>&1 &
SERVER_PID=$!
trap 'kill -TERM "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$PORT/_stats" >/dev/null 2>&1 && break; sleep 0.2; done

HOLD=$((N / 500 + 40))
dotnet "$LOADGEN" --url "http://127.0.0.1:$PORT" --path /counter --views "$N" --ramp 1000 --warmup 20 \
  --click-on-open --no-verify --duration "$HOLD" >"$OUT.loadgen.log" 2>&1 &
LOADGEN_PID=$!
# Until every view is open and clicked, then a few seconds for the server to settle.
for _ in $(seq 1 600); do
  grep -q "^\[.*\] opened " "$OUT.loadgen.log" && break
  sleep 0.5
done
sleep 5
curl -sf "http://127.0.0.1:$PORT/_stats?gc=true" >"$OUT.stats.json"
"$GCDUMP" collect -p "$SERVER_PID" -o "$OUT.gcdump" >/dev/null
"$GCDUMP" report "$OUT.gcdump" >"$OUT.txt"
wait "$LOADGEN_PID"
echo "views open: $(grep -o '"circuitsOpen":[0-9]*' "$OUT.stats.json"); heap: $(head -3 "$OUT.txt" | tail -1)"
