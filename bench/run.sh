#!/usr/bin/env bash
# One command for the Rekindle vs Blazor Server comparison (issue 8). Builds both apps in Release,
# runs each measurement for each framework in the same run, and writes bench/results/<date>.md.
#
#   bench/run.sh                 full run (about 40 minutes on 2 cores)
#   QUICK=1 bench/run.sh         fewer repetitions and no N=10,000 step (about 15 minutes)
#   SKIP_BLAZOR=1 bench/run.sh   Rekindle only (the report then compares with the baseline doc's numbers)
#   SKIP_MICRO=1 bench/run.sh    without the BenchmarkDotNet micro benchmarks
#   SKIP_FLOOR=1 bench/run.sh    without the floor (bench/floor.sh: a bare Kestrel echo beside Rekindle)
#   SATURATE_RATES="2 3"         rates per view tried at N=10,000 after 1/s while both frameworks hold (default "2"; "" for none)
#
# Environment: BENCH_ROOT (work folder, default /tmp/rekindle-bench), PORT (default 5080; the TCP proxy
# of bytes.js uses PORT+1), SHARED (default ../shared beside the repository).
# Everything listens on and targets 127.0.0.1 only. Servers are started as direct children and stopped
# by their PID.
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
SHARED="${SHARED:-$(cd "$REPO/.." && pwd)/shared}"
BASELINE="$SHARED/bench/blazor-baseline"
ROOT="${BENCH_ROOT:-/tmp/rekindle-bench}"
export PORT="${PORT:-5080}"
QUICK="${QUICK:-0}"
DATE="$(date -u +%Y-%m-%d)"
RAW="$ROOT/raw-$DATE"
REPORT="$HERE/results/$DATE.md"
LOG="$RAW/run.log"
BYTES_RUNS=3; LAT_EVENTS=500; LAT_RUNS=3; LOAD_SECONDS=30; BIG_N=10000; BIG_SECONDS=20
# The floor's rounds: 20 s holds keep its 2 rounds × 22 runs within ~16 minutes; the memory rounds leave out
# compression (its idle cost is the deflate negotiation only).
FLOOR_SECONDS=20; FLOOR_MEM_VARIANTS="floor off browser default"
SATURATE_RATES="${SATURATE_RATES-2}"
if [ "$QUICK" = 1 ]; then BYTES_RUNS=2; LAT_EVENTS=300; LAT_RUNS=2; LOAD_SECONDS=20; BIG_N=0; SATURATE_RATES="${SATURATE_RATES_QUICK-}"; FLOOR_MEM_VARIANTS="floor off browser default compressed"; fi
# BIG_N_OVERRIDE: the large N for a short trial of those steps (e.g. 500 with QUICK=1); 50,000 idle needs BIG_N ≥ 10,000.
BIG_N="${BIG_N_OVERRIDE:-$BIG_N}"

# A second run on the same day starts from an empty raw folder: nothing of the first leaks into its report.
rm -rf "$RAW"
mkdir -p "$ROOT" "$RAW"/{blazor,rekindle,rekindle-default,rekindle-browser,rekindle-off,rekindle-compressed} "$HERE/results"
: > "$LOG"
say() { echo "=== $(date -u +%H:%M:%S) [load $(cut -d' ' -f1 /proc/loadavg)] $*" | tee -a "$LOG"; }
step() { say "$*"; "$@" >>"$LOG" 2>&1; local rc=$?; echo "    rc=$rc" | tee -a "$LOG"; return 0; }

# ---- prerequisites ----
if ! command -v chromium >/dev/null 2>&1; then
  say "installing chromium (Debian package)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >>"$LOG" 2>&1
fi
command -v node >/dev/null || { echo "node is required" >&2; exit 1; }
[ -d "$BASELINE" ] || { echo "baseline scripts not found at $BASELINE (set SHARED=...)" >&2; exit 1; }

# ---- build ----
say "building Rekindle bench app and load generator (Release)"
REKINDLE_PUB="$ROOT/rekindle-publish"
dotnet publish "$HERE/Rekindle.BenchApp/Rekindle.BenchApp.csproj" -c Release -o "$REKINDLE_PUB" -nologo -v:q >>"$LOG" 2>&1 \
  || { echo "bench app build failed, see $LOG" >&2; exit 1; }
dotnet build "$HERE/Rekindle.LoadGen/Rekindle.LoadGen.csproj" -c Release -nologo -v:q >>"$LOG" 2>&1 \
  || { echo "load generator build failed, see $LOG" >&2; exit 1; }
LOADGEN="$HERE/Rekindle.LoadGen/bin/Release/net10.0/Rekindle.LoadGen.dll"
REKINDLE_DLL="$REKINDLE_PUB/Rekindle.BenchApp.dll"
ECHO_PUB="$ROOT/echo-publish"
dotnet publish "$HERE/Rekindle.EchoFloor/Rekindle.EchoFloor.csproj" -c Release -o "$ECHO_PUB" -nologo -v:q >>"$LOG" 2>&1 \
  || { echo "echo floor build failed, see $LOG" >&2; exit 1; }

# The baseline's Node bench (playwright-core, SignalR client) is needed for the browser scripts of both
# frameworks; setup.sh also builds the Blazor app. If the Blazor part fails, the Node part is set up alone.
ANCHOR="$ROOT/blazor"
BLAZOR_OK=0
if [ "${SKIP_BLAZOR:-0}" != 1 ]; then
  say "building the Blazor app (baseline setup.sh: dotnet new blazor + app-files, publish, npm ci)"
  if ANCHOR_ROOT="$ANCHOR" bash "$BASELINE/setup.sh" >>"$LOG" 2>&1 && [ -f "$ANCHOR/publish/BlazorAnchor.dll" ]; then
    BLAZOR_OK=1
  else
    say "Blazor setup failed: the report uses the baseline doc's Blazor numbers only (see $LOG)"
  fi
fi
NODEBENCH="$ANCHOR/bench"
if [ ! -d "$NODEBENCH/node_modules/playwright-core" ]; then
  mkdir -p "$NODEBENCH"
  cp "$BASELINE"/*.js "$BASELINE"/package.json "$BASELINE"/package-lock.json "$NODEBENCH"/
  (cd "$NODEBENCH" && npm ci --no-audit --no-fund) >>"$LOG" 2>&1
fi
export BASELINE_BENCH="$NODEBENCH"

blazor() { (cd "$NODEBENCH" && ANCHOR_ROOT="$ANCHOR" RESULTS_DIR="$RAW/blazor" "$@"); }
blazor_lat() { local i="$1"; shift; (cd "$NODEBENCH" && ANCHOR_ROOT="$ANCHOR" RESULTS_DIR="$RAW/blazor/lat-$i" "$@"); }
rekindle_node() { local mode="$1"; shift; (cd "$NODEBENCH" && ANCHOR_ROOT="$ROOT/rekindle-home" APP_DLL="$REKINDLE_DLL" RESULTS_DIR="$RAW/$mode" "$@"); }

# A Rekindle server for the load generator: direct child, stopped by PID.
SERVER_PID=""
start_rekindle() {
  ( cd "$REKINDLE_PUB" && exec env HOME="$ROOT/rekindle-home" dotnet "$REKINDLE_DLL" --urls "http://127.0.0.1:$PORT" "$@" ) >>"$RAW/rekindle/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$PORT/_stats" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "Rekindle server did not start" | tee -a "$LOG"; return 1
}
stop_rekindle() {
  [ -n "$SERVER_PID" ] || return 0
  kill -TERM "$SERVER_PID" 2>/dev/null
  for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$SERVER_PID" 2>/dev/null
  wait "$SERVER_PID" 2>/dev/null
  SERVER_PID=""
}
# The machine is shared: sample the load average so the report says how busy it was.
( for _ in $(seq 1 720); do cut -d' ' -f1 /proc/loadavg >> "$RAW/loadavg.txt"; sleep 5; done ) &
SAMPLER_PID=$!
trap 'stop_rekindle; kill "$SAMPLER_PID" 2>/dev/null' EXIT
loadgen() { # loadgen <name> <server args...> -- <loadgen args...>
  local name="$1"; shift
  local server_args=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do server_args+=("$1"); shift; done
  shift
  start_rekindle "${server_args[@]}" || return 0
  say "loadgen $name: $*"
  dotnet "$LOADGEN" --url "http://127.0.0.1:$PORT" --json "$RAW/rekindle/$name.json" "$@" >>"$LOG" 2>&1
  echo "    rc=$?" | tee -a "$LOG"
  tail -n 8 "$LOG" | grep -E "round trip|memory per view|errors:|views:" | sed 's/^/    /'
  stop_rekindle
}

# ---- (a) bytes per interaction, in Chromium ----
[ "$BLAZOR_OK" = 1 ] && step blazor node bytes.js "$BYTES_RUNS"
step rekindle_node rekindle-default node "$HERE/browser/rekindle-bytes.js" "$BYTES_RUNS"
Rekindle__Recovery__Store=Browser step rekindle_node rekindle-browser node "$HERE/browser/rekindle-bytes.js" "$BYTES_RUNS"
Rekindle__Recovery__Enabled=false step rekindle_node rekindle-off node "$HERE/browser/rekindle-bytes.js" "$BYTES_RUNS"
Rekindle__Transport__Compression=true step rekindle_node rekindle-compressed node "$HERE/browser/rekindle-bytes.js" "$BYTES_RUNS"

# ---- (c) click -> DOM latency, in Chromium ----
# Runs alternate between the frameworks (each a fresh server, warm-up, then one run per page), so
# both see the same background load on a shared machine.
for i in $(seq 1 "$LAT_RUNS"); do
  mkdir -p "$RAW/blazor/lat-$i" "$RAW/rekindle/lat-$i"
  [ "$BLAZOR_OK" = 1 ] && step blazor_lat "$i" node latency.js "$LAT_EVENTS" 1
  step rekindle_node "rekindle/lat-$i" node latency.js "$LAT_EVENTS" 1
done

# ---- (b) memory per idle view ----
if [ "$BLAZOR_OK" = 1 ]; then
  step blazor node circuits.js /counter 1000 1
  step blazor node circuits.js /ballot 1000 1
  [ "$BIG_N" -gt 0 ] && step blazor node circuits.js /counter "$BIG_N" 1
fi
loadgen mem-counter-1000 -- --path /counter --views 1000 --ramp 1000 --warmup 20 --click-on-open --mem --duration 0
loadgen mem-ballot-1000 -- --path /ballot --views 1000 --ramp 1000 --warmup 20 --click-on-open --mem --duration 0
[ "$BIG_N" -gt 0 ] && loadgen "mem-counter-$BIG_N" -- --path /counter --views "$BIG_N" --ramp 1000 --warmup 20 --click-on-open --mem --duration 0
# 50,000 views need more sockets than the 20,000 file descriptors a process may have here: 10 views share
# each socket, as 10 live views of one browser tab would.
[ "$BIG_N" -ge 10000 ] && loadgen idle-50000 -- --path /counter --views 50000 --views-per-socket 10 --ramp 2000 --warmup 20 --click-on-open --mem --duration 10

# ---- event round trip under load: 1,000 views x 1 event/s ----
[ "$BLAZOR_OK" = 1 ] && step blazor node "$HERE/browser/blazor-load.js" 1000 1 "$LOAD_SECONDS"
loadgen load-1000 -- --path /counter --views 1000 --ramp 1000 --warmup 20 --rate 1 --duration "$LOAD_SECONDS"

# ---- N = 10,000 active views: Blazor then Rekindle at 1 event/s per view, then higher rates while both hold ----
# A step holds with no errors, p99 < 100 ms and ≥ 98 % of the offered events replied (goals-report.js).
# Blazor opens its circuits once and runs the rates in turn on them, stopping at the first step it does not
# hold (opening 10,000 circuits takes minutes); Rekindle runs each rate on a fresh server and stops when it
# does not hold a step or Blazor did not hold it. The report gives each side's sustained rate, p50/p99,
# errors and server/client CPU.
held() { node "$HERE/goals-report.js" held "$@"; }
if [ "$BIG_N" -gt 0 ]; then
  [ "$BLAZOR_OK" = 1 ] && step blazor node "$HERE/browser/blazor-load.js" "$BIG_N" "$(echo 1 $SATURATE_RATES | tr ' ' ',')" "$BIG_SECONDS"
  for rate in 1 $SATURATE_RATES; do
    suffix=""; [ "$rate" = 1 ] || suffix="-r$rate"
    loadgen "load-$BIG_N$suffix" -- --path /counter --views "$BIG_N" --ramp 1000 --warmup 20 --rate "$rate" --duration "$BIG_SECONDS"
    held "$RAW/rekindle/load-$BIG_N$suffix.json" rekindle "$BIG_N" "$rate" || { say "Rekindle did not hold $BIG_N x $rate/s"; break; }
    [ "$BLAZOR_OK" = 1 ] && { held "$RAW/blazor/blazor-load-$BIG_N$suffix.json" blazor "$BIG_N" "$rate" || { say "Blazor did not hold $BIG_N x $rate/s"; break; }; }
  done
fi

# ---- the floor: a bare Kestrel WebSocket echo and Rekindle's variants, interleaved rounds ----
if [ "${SKIP_FLOOR:-0}" != 1 ]; then
  say "floor: echo (and spin-free echo) vs Rekindle (recovery off, default, browser store, compression; busy disk at 3,000), interleaved"
  PORT="$PORT" QUICK="$QUICK" ROUNDS="${FLOOR_ROUNDS:-2}" LOAD_SECONDS="$FLOOR_SECONDS" MEM_VARIANTS="$FLOOR_MEM_VARIANTS" ECHO_DLL="$ECHO_PUB/Rekindle.EchoFloor.dll" REKINDLE_DLL="$REKINDLE_DLL" LOADGEN="$LOADGEN" \
    bash "$HERE/floor.sh" "$RAW" 2>&1 | tee -a "$LOG" | grep -E "rc=" | sed 's/^/    /'
fi

# ---- restart: kill -9 with N views open, time until every view is back with its state (Rekindle only) ----
say "restart: 1000 views, SIGKILL, restart, rejoin (server-side snapshot store, the engine default)"
PORT="$PORT" BENCH_ROOT="$ROOT" REKINDLE_DLL="$REKINDLE_DLL" LOADGEN="$LOADGEN" \
  bash "$HERE/restart.sh" 1000 "$RAW/rekindle/restart-1000.json" >>"$LOG" 2>&1
echo "    rc=$?" | tee -a "$LOG"
say "restart: the same with snapshots kept in the browser"
PORT="$PORT" BENCH_ROOT="$ROOT" REKINDLE_DLL="$REKINDLE_DLL" LOADGEN="$LOADGEN" RECOVERY_STORE=Browser \
  bash "$HERE/restart.sh" 1000 "$RAW/rekindle/restart-1000-browser.json" >>"$LOG" 2>&1
echo "    rc=$?" | tee -a "$LOG"
grep -E "^restart:|recovery:" "$LOG" | tail -n 8 | sed 's/^/    /'

# ---- micro benchmarks ----
if [ "${SKIP_MICRO:-0}" != 1 ]; then
  say "micro benchmarks (BenchmarkDotNet, short job)"
  ( cd "$HERE/Rekindle.Benchmarks" && dotnet run -c Release -- --filter '*' --artifacts "$RAW/micro" ) >>"$LOG" 2>&1
  rc=$?
  echo "    rc=$rc" | tee -a "$LOG"
  if [ "$rc" = 0 ]; then
    cat "$RAW"/micro/results/*-report-github.md > "$RAW/micro.md" 2>/dev/null || true
  else
    printf 'The micro benchmark step failed (exit %s); see %s.\n' "$rc" "$LOG" > "$RAW/micro.md"
  fi
fi

# ---- report ----
COMMIT="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"
DIRTY="$(git -C "$REPO" status --porcelain -- src 2>/dev/null | wc -l)"
node "$HERE/report.js" "$RAW" "$REPORT" "date=$DATE" \
  "machine=$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr)" \
  ".NET=$(dotnet --version)" \
  "Rekindle commit=$COMMIT$([ "$DIRTY" != 0 ] && echo " + $DIRTY uncommitted file(s) under src/")" \
  "Blazor=$([ "$BLAZOR_OK" = 1 ] && echo 'fresh run of the baseline app (dotnet new blazor, .NET 10, Release)' || echo 'not run here: baseline doc numbers only')" \
  "settings=bytes runs $BYTES_RUNS, latency $LAT_RUNS x $LAT_EVENTS events, load $LOAD_SECONDS s, large N $BIG_N ($BIG_SECONDS s per step, rates 1 ${SATURATE_RATES:-}), floor ${FLOOR_ROUNDS:-2} rounds of $FLOOR_SECONDS s" \
  "load average during the run (1-min, min/median/max; 2 cores, other sessions may share the machine)=$(sort -n "$RAW/loadavg.txt" | awk '{a[NR]=$1} END {if (NR) printf "%s / %s / %s", a[1], a[int((NR+1)/2)], a[NR]; else printf "n/a"}')" \
  "raw data=$RAW" | tee -a "$LOG"
say "done: $REPORT"
