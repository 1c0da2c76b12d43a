#!/usr/bin/env bash
# Runs every Rekindle test on a fresh machine: installs what is missing (Chromium for the browser
# tests, redis-server and nginx for the cluster tests — each test starts its own on a free port — and
# the npm client packages), builds, runs all test projects, the bench, rolling-deploy and fuzz smoke runs, and ends with
# one summary line.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql) # the Ballots database tests and deploy/cluster.sh
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]} (Debian packages) for the browser and cluster tests"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "== npm ci (client/: phoenix and phoenix_live_view, pinned)"
(cd client && npm ci --no-audit --no-fund --loglevel=error)

echo "== dotnet build"
dotnet build Rekindle.sln -nologo -v:minimal

results=TestResults
rm -rf "$results"
echo "== dotnet test"
set +e
dotnet test Rekindle.sln --no-build -nologo --results-directory "$results" --logger "trx" "$@" 2>&1 | tee "$results.log"
status=${PIPESTATUS[0]}
set -e

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
echo "== bench smoke (load generator: 100 views, 10 s, zero errors)"
if bench/smoke.sh; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
  status=1
fi
echo "== rolling deploy smoke (deploy/: redis-server, 3 nodes, nginx; 1,000 views through a rolling restart, every one back with its state)"
if deploy/rolling-smoke.sh; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
  status=1
fi
echo "== chaos soak (deploy/: 3 nodes, nginx, Redis; 300 views from one address and 3 Chromium tabs for 90 s of dropped sockets, kill -9, SIGTERM, Redis restarts and Redis dying with a node: nothing lost, no reload)"
if deploy/chaos-soak.sh 90 300 3; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
  status=1
fi
echo "== fuzz smoke (afl++ and SharpFuzz on the client frame path: 50,000 executions, no crash or hang)"
if fuzz/run.sh 50000 900; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
  status=1
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
  echo "dotnet test exited with $status without a failed test in the results (crash or build problem)"
fi
echo "$passed passed, $failed failed"
exit "$status"
