#!/usr/bin/env bash
# CI smoke test of the bench (issue 8): starts the Rekindle bench app on a free 127.0.0.1 port, runs
# the load generator's smoke preset (100 views, 1 event/s each, 10 s) and fails on any error.
# Asserts correctness (every view joins, every reply is ok and shows the right count), not timings.
# Takes about 30 s after the build.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="$(mktemp -d /tmp/rekindle-smoke.XXXXXX)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== bench smoke: building the bench app and the load generator (Release)"
dotnet build "$HERE/Rekindle.BenchApp/Rekindle.BenchApp.csproj" -c Release -nologo -v:q
dotnet build "$HERE/Rekindle.LoadGen/Rekindle.LoadGen.csproj" -c Release -nologo -v:q

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
URL="http://127.0.0.1:$PORT"
echo "== bench smoke: starting the bench app on $URL"
( cd "$WORK" && exec dotnet "$HERE/Rekindle.BenchApp/bin/Release/net10.0/Rekindle.BenchApp.dll" \
    --urls "$URL" --Rekindle:DataPath "$WORK/data" ) > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 150); do
  curl -sf "$URL/_stats" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "bench app exited early:"; cat "$WORK/server.log"; exit 1; }
  sleep 0.2
done
curl -sf "$URL/_stats" >/dev/null || { echo "bench app did not start:"; cat "$WORK/server.log"; exit 1; }

echo "== bench smoke: 100 views, 1 event/s each, 10 s"
status=0
dotnet "$HERE/Rekindle.LoadGen/bin/Release/net10.0/Rekindle.LoadGen.dll" --url "$URL" --smoke --max-seconds 60 || status=$?
if [ "$status" -ne 0 ]; then
  echo "== bench smoke FAILED (load generator exit $status); server log:"
  tail -n 50 "$WORK/server.log"
  echo "smoke: 0 passed, 1 failed"
  exit 1
fi
echo "smoke: 1 passed, 0 failed"
