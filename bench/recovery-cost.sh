#!/usr/bin/env bash
# What recovery adds to each event (issue 5): the bench app's /counter ([Recoverable] Count, so every
# click saves a snapshot) under the load generator, with recovery off, the SQLite server store (the
# default) and the browser store, in alternating rounds of the same run. Prints each round's event
# round-trip p50/p99 and the median p50 per setting, plus the snapshot bytes of one /counter view.
#
#   bench/recovery-cost.sh [rounds=3] [views=50] [rate=4] [seconds=15]
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROUNDS="${1:-3}"; VIEWS="${2:-50}"; RATE="${3:-4}"; SECONDS_PER_RUN="${4:-15}"
WORK="$(mktemp -d /tmp/rekindle-recovery-cost.XXXXXX)"
SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap 'stop_server; rm -rf "$WORK"' EXIT

dotnet build "$HERE/Rekindle.BenchApp/Rekindle.BenchApp.csproj" -c Release -nologo -v:q >/dev/null
dotnet build "$HERE/Rekindle.LoadGen/Rekindle.LoadGen.csproj" -c Release -nologo -v:q >/dev/null
APP="$HERE/Rekindle.BenchApp/bin/Release/net10.0/Rekindle.BenchApp.dll"
LOADGEN="$HERE/Rekindle.LoadGen/bin/Release/net10.0/Rekindle.LoadGen.dll"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
URL="http://127.0.0.1:$PORT"

run() { # setting round -> prints "p50 p99"
  local setting="$1" round="$2" args=()
  case "$setting" in
    off) args=(--Rekindle:Recovery:Enabled false) ;;
    server) args=() ;;
    browser) args=(--Rekindle:Recovery:Store Browser) ;;
  esac
  local data="$WORK/$setting-$round"
  dotnet "$APP" --urls "$URL" --Rekindle:DataPath "$data" "${args[@]}" >"$data.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 200); do curl -sf "$URL/_stats" >/dev/null 2>&1 && break; sleep 0.05; done
  dotnet "$LOADGEN" --url "$URL" --path /counter --views "$VIEWS" --rate "$RATE" --duration "$SECONDS_PER_RUN" \
    --json "$data.json" --max-seconds 120 >"$data.loadgen.log" 2>&1
  stop_server
  if [ "$setting" = server ] && [ "$round" = 1 ]; then
    python3 - "$data/snapshots.db" <<'PY' > "$WORK/snapshot-bytes"
import sqlite3, sys
rows = [len(r[0]) for r in sqlite3.connect(sys.argv[1]).execute("SELECT data FROM snapshots")]
rows.sort()
print(f"{rows[len(rows)//2]} B (median of {len(rows)} /counter snapshots)")
PY
  fi
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["roundTripMs"]; print(r["p50"], r["p99"])' "$data.json"
}

declare -A P50S
for round in $(seq 1 "$ROUNDS"); do
  for setting in off server browser; do
    read -r p50 p99 < <(run "$setting" "$round")
    echo "round $round  $setting: p50 ${p50} ms, p99 ${p99} ms"
    P50S[$setting]+="$p50 "
  done
done
median() { python3 -c 'import statistics,sys; print(f"{statistics.median(map(float, sys.argv[1:])):.3f}")' $1; }
off="$(median "${P50S[off]}")"; server="$(median "${P50S[server]}")"; browser="$(median "${P50S[browser]}")"
echo "---- recovery cost per event ($VIEWS views x $RATE events/s, $SECONDS_PER_RUN s, $ROUNDS rounds; median of round p50s) ----"
echo "recovery off:   $off ms"
echo "server store:   $server ms (+$(python3 -c "print(f'{$server-$off:.3f}')") ms)"
echo "browser store:  $browser ms (+$(python3 -c "print(f'{$browser-$off:.3f}')") ms)"
echo "snapshot size:  $(cat "$WORK/snapshot-bytes")"
