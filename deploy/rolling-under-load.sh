#!/usr/bin/env bash
# Issue 9's measurement: a rolling deploy (deploy/rolling-deploy.sh) of the cluster of
# deploy/cluster.sh while the load generator holds N views through nginx, each clicking now and then
# and reconnecting like the stock client when its node drains. The load generator checks every view
# rejoined with its own count, and reports drops, rejoins, state restored and the time from the first
# drop to the last rejoin. Views come from 127.0.0.1..20 (nginx forwards each one's address), as
# from 20 users, so the per-address join limit does not mistake the test for one abusive client.
#   deploy/cluster.sh start 3 && deploy/rolling-under-load.sh [N=1000]   (HOLD=150 s of load, enough for three nodes)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000}"
OUT="${OUT:-/tmp/rekindle-rolling-$N.json}"
dotnet build bench/Rekindle.LoadGen -c Release -nologo -v:q >/dev/null
dotnet bench/Rekindle.LoadGen/bin/Release/net10.0/Rekindle.LoadGen.dll --url http://127.0.0.1:8080 --path /counter \
  --views "$N" --source-ips 20 --ramp 500 --click-on-open --rate 0.2 --duration "${HOLD:-150}" --reconnect --rejoin-wait 60 --json "$OUT" &
loadgen=$!
sleep $(( N / 500 + 15 ))
echo "rolling deploy starts at $(date -u +%T.%3N)"
deploy/rolling-deploy.sh
echo "rolling deploy done at $(date -u +%T.%3N)"
status=0
wait "$loadgen" || status=$?
echo "load generator exit $status; results in $OUT"
exit "$status"
