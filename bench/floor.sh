#!/usr/bin/env bash
# The floor (issue 23): a bare Kestrel WebSocket echo (Rekindle.EchoFloor) beside Rekindle's bench app,
# driven by the same load generator, in interleaved rounds (every variant once per round, in turn), so a
# shared machine's background load falls on all of them alike. Measures server CPU µs per event and the
# round trip at N views × 1 event/s, and RSS / GC heap per idle connection at N views. At DISK_VIEWS the
# echo and the default store also run with a busy disk: a background writer rewrites a file beside the
# server's data folder for the whole run in 64 KiB writes, each synced to the disk (`dd oflag=dsync` in a
# loop), so the store's p99 and the echo's are measured under the same disk load.
#
#   bench/floor.sh RAW_DIR        run.sh calls it; usable alone after `dotnet build -c Release` of the three projects
# Environment: PORT (default 5080), ROUNDS (default 3), LOAD_VIEWS (default "1000 3000"), MEM_VIEWS
# (default "1000 10000"), LOAD_SECONDS (default 30), QUICK=1 (1 round, 20 s, MEM_VIEWS "1000 2000"),
# VARIANTS (load rounds, default "floor nospin off browser default compressed"; nospin = the echo with
# DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0, the spin-free floor), MEM_VARIANTS (idle rounds, default
# "floor off browser default compressed"), DISK_VIEWS (default "3000"; "" for none), DISK_VARIANTS (default
# "floordisk defaultdisk"), DISK_MB (the writer's file, default 128), SPIN_FREE=1 (every server with
# DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0), ECHO_DLL, REKINDLE_DLL, LOADGEN.
# Writes RAW_DIR/floor/<kind>-<N>-<variant>-<round>.json. Servers are direct children stopped by PID.
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
RAW="${1:?usage: floor.sh RAW_DIR}"
OUT="$RAW/floor"
PORT="${PORT:-5080}"
ROUNDS="${ROUNDS:-3}"; LOAD_VIEWS="${LOAD_VIEWS:-1000 3000}"; MEM_VIEWS="${MEM_VIEWS:-1000 10000}"; LOAD_SECONDS="${LOAD_SECONDS:-30}"
if [ "${QUICK:-0}" = 1 ]; then ROUNDS=1; LOAD_SECONDS=20; MEM_VIEWS="${MEM_VIEWS_QUICK:-1000 2000}"; fi
VARIANTS="${VARIANTS:-floor nospin off browser default compressed}"
MEM_VARIANTS="${MEM_VARIANTS:-floor off browser default compressed}"
DISK_VIEWS="${DISK_VIEWS-3000}"; DISK_VARIANTS="${DISK_VARIANTS:-floordisk defaultdisk}"; DISK_MB="${DISK_MB:-128}"
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
  local spin=("${SPIN_ENV[@]}")
  case "$variant" in
    floor|floordisk) cmd=(dotnet "$ECHO_DLL" --urls "http://127.0.0.1:$PORT") ;;
    nospin) cmd=(dotnet "$ECHO_DLL" --urls "http://127.0.0.1:$PORT"); spin=(DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0) ;;
    off) cmd+=(--Rekindle:Recovery:Enabled false) ;;
    browser) cmd+=(--Rekindle:Recovery:Store Browser) ;;
    default|defaultdisk) ;;
    compressed) cmd+=(--Rekindle:Transport:Compression true) ;;
    *) echo "unknown variant $variant"; return 1 ;;
  esac
  ( cd "$data" && exec env "${spin[@]}" "${cmd[@]}" ) >>"$OUT/server-$variant.log" 2>&1 &
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
# The busy disk: rewrite a DISK_MB file in OUT (the disk of the servers' data folders) in a loop, every
# 64 KiB write synced, so the disk's flush queue is never empty while the server runs.
# dd reports each pass's throughput to busy-disk-<run>.log. Stopped by PID; the loop ends its current dd.
WRITER_PID=""
start_writer() { # start_writer <run name>
  local log="$OUT/busy-disk-$1.log"
  ( dd_pid=""
    trap '[ -n "$dd_pid" ] && kill "$dd_pid" 2>/dev/null; exit 0' TERM
    while :; do
      dd if=/dev/zero of="$OUT/busy-disk.bin" bs=64k count="$((DISK_MB * 16))" oflag=dsync 2>>"$log" &
      dd_pid=$!
      wait "$dd_pid"
    done ) &
  WRITER_PID=$!
  sleep 1 # the writer is at full pace before the server starts
}
stop_writer() {
  [ -n "$WRITER_PID" ] || return 0
  kill -TERM "$WRITER_PID" 2>/dev/null
  wait "$WRITER_PID" 2>/dev/null
  WRITER_PID=""
  rm -f "$OUT/busy-disk.bin"
}
trap 'stop_server; stop_writer' EXIT

run() { # run <name> <variant> <loadgen args...>
  local name="$1" variant="$2"; shift 2
  local client=()
  case "$variant" in floor|nospin|floordisk) client=(--no-verify) ;; esac   # the echo's replies carry no count
  [ "$variant" = compressed ] && client=(--deflate)       # the load generator offers permessage-deflate
  case "$variant" in *disk) start_writer "$name" ;; esac
  start_server "$variant" || { stop_writer; return 0; }
  echo "=== $(date -u +%H:%M:%S) [load $(cut -d' ' -f1 /proc/loadavg)] floor $name ($variant)"
  dotnet "$LOADGEN" --url "http://127.0.0.1:$PORT" --path /counter --json "$OUT/$name.json" "${client[@]}" "$@" >"$OUT/$name.log" 2>&1
  echo "    rc=$? $(grep -E 'server CPU per event|memory per view|round trip:' "$OUT/$name.log" | tr '\n' ' ')"
  stop_server
  stop_writer
}

for round in $(seq 1 "$ROUNDS"); do
  for n in $LOAD_VIEWS; do
    disk=""
    for d in $DISK_VIEWS; do [ "$d" = "$n" ] && disk="$DISK_VARIANTS"; done
    for v in $VARIANTS $disk; do
      run "load-$n-$v-$round" "$v" --views "$n" --ramp 1000 --warmup 20 --rate 1 --duration "$LOAD_SECONDS"
    done
  done
  for n in $MEM_VIEWS; do
    for v in $MEM_VARIANTS; do
      run "mem-$n-$v-$round" "$v" --views "$n" --ramp 1000 --warmup 20 --click-on-open --mem --duration 0
    done
  done
done
