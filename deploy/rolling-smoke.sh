#!/usr/bin/env bash
# CI check of issue 9's rolling deploy: deploy/cluster.sh starts redis-server, three Ballots nodes
# and nginx; deploy/rolling-under-load.sh restarts the nodes one at a time while the load generator
# holds 1,000 views through nginx. Fails unless every view rejoins with its own state and the load
# generator saw no error other than the reconnects themselves. Prints the drops, rejoins and the time
# from the first drop to the last rejoin. About 2 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
views="${1:-1000}"
out="$(mktemp /tmp/rekindle-rolling-smoke.XXXXXX.json)"
trap 'deploy/cluster.sh stop >/dev/null 2>&1 || true; rm -f "$out"' EXIT

deploy/cluster.sh stop >/dev/null 2>&1 || true
deploy/cluster.sh start 3
status=0
OUT="$out" HOLD="${HOLD:-60}" deploy/rolling-under-load.sh "$views" || status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const rec = r.recovery || {};
  console.log(`rolling smoke: ${rec.dropped} drops, ${rec.rejoined} rejoined, ${rec.restored} with their state, first drop to all rejoined ${rec.dropToAllRejoinedMs} ms, round trip p50 ${r.roundTripMs?.p50} ms p99 ${r.roundTripMs?.p99} ms, ${r.errorsTotal} errors`);
  if (!(rec.dropped > 0)) { console.log("rolling smoke: no view was dropped, so the deploy tested nothing"); process.exit(1); }
' "$out" || status=1
exit "$status"
