#!/usr/bin/env bash
# Issue 18's chaos soak: the cluster of deploy/cluster.sh (redis-server, 3 nodes, nginx), N views of
# /counter from the load generator, all from one address (127.0.0.1; SOURCE_IPS=k spreads them), plus
# a few Chromium tabs among them (deploy/chaos-pages.js), while a loop injects faults at random moments
# in random order: drop every socket (kill -9 of nginx's worker, which its master replaces), kill -9 a
# node, SIGTERM a node (drain), restart Redis, and an outage where they overlap (Redis crashes with
# kill -9, a node is killed while Redis is away, then both come back); killed nodes are started
# again. Reports events sent,
# acknowledged, lost (must be 0), page reloads (must be 0) and the p99 time from a drop to the view
# back with its state; fails on any loss, reload or load generator error.
#   deploy/chaos-soak.sh [seconds=600] [views=1000] [pages=4]      (test.sh runs 90 s with 300 views)
# The ports are deploy/cluster.sh's (REDIS_PORT, FIRST_PORT, FRONT_PORT move them).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
views="${2:-1000}"
pages="${3:-4}"
run="$PWD/deploy/run"
work="$(mktemp -d /tmp/rekindle-chaos.XXXXXX)"
trap 'deploy/cluster.sh stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

deploy/cluster.sh stop >/dev/null 2>&1 || true
deploy/cluster.sh start 3 >"$work/cluster.log"
dotnet build bench/Rekindle.LoadGen -c Release -nologo -v:q >/dev/null
ramp=100
dotnet bench/Rekindle.LoadGen/bin/Release/net10.0/Rekindle.LoadGen.dll --url "http://127.0.0.1:${FRONT_PORT:-8080}" --path /counter \
  --views "$views" --source-ips "${SOURCE_IPS:-1}" --ramp "$ramp" --click-on-open --rate 0.2 --duration "$seconds" \
  --reconnect --rejoin-wait 60 --json "$work/load.json" >"$work/load.log" 2>&1 &
loadgen=$!
sleep $(( views / ramp + 5 ))
node --experimental-websocket --no-warnings deploy/chaos-pages.js "http://127.0.0.1:${FRONT_PORT:-8080}/counter" "$pages" "$((seconds - 10))" >"$work/pages.json" &
browser=$!
sleep 10

pid_of() { cat "$run/$1.pid"; }
wait_exit() { for _ in $(seq 1 300); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done; return 1; }
declare -A faults=([drop]=0 [kill]=0 [term]=0 [redis]=0 [outage]=0)
# The last fault leaves 20 s for every view to come back before the load generator's hold ends.
end=$(( $(date +%s) + seconds - 40 ))
while [ "$(date +%s)" -lt "$end" ]; do
  for fault in $(printf '%s\n' drop kill term redis outage | shuf); do
    [ "$(date +%s)" -lt "$end" ] || break
    sleep "$(shuf -i 3-8 -n 1)"
    node=$(shuf -i 0-2 -n 1)
    echo "$(date -u +%T) $fault (node $node)"
    case $fault in
      drop) kill -9 $(pgrep -P "$(pid_of nginx)") || true ;;
      kill) kill -9 "$(pid_of "node$node")" || true; wait_exit "$(pid_of "node$node")"; deploy/cluster.sh start-node "$node" >/dev/null ;;
      term) kill -TERM "$(pid_of "node$node")" || true; wait_exit "$(pid_of "node$node")"; deploy/cluster.sh start-node "$node" >/dev/null ;;
      redis) deploy/cluster.sh stop-redis; sleep 1; deploy/cluster.sh start-redis ;;
      # Clicks acknowledged while Redis is away must survive the node that acknowledged them.
      outage)
        kill -9 "$(pid_of redis)"; wait_exit "$(pid_of redis)"; sleep 2
        kill -9 "$(pid_of "node$node")" || true; wait_exit "$(pid_of "node$node")"
        deploy/cluster.sh start-redis; deploy/cluster.sh start-node "$node" >/dev/null ;;
    esac
    faults[$fault]=$(( faults[$fault] + 1 ))
  done
done

status=0
wait "$loadgen" || status=$?
wait "$browser" || status=1
node -e '
  const fs = require("fs");
  const [loadFile, pagesFile, faults, seconds, views, sourceIps] = process.argv.slice(1);
  const load = JSON.parse(fs.readFileSync(loadFile, "utf8"));
  const pages = JSON.parse(fs.readFileSync(pagesFile, "utf8") || "{}");
  const rec = load.recovery || {}, ev = load.events || {};
  const lost = (rec.eventsLost ?? 0) + (pages.lost ?? 0);
  console.log(`chaos soak: ${seconds} s, ${views} views from ${sourceIps} address(es) + ${pages.pages} Chromium tabs on 3 nodes; faults ${faults}`);
  console.log(`  events sent ${ev.sent + pages.clicks}, acknowledged ${ev.replied + pages.acknowledged}, lost ${lost} (load generator ${rec.eventsLost}, tabs ${pages.lost}); page reloads ${pages.reloads}`);
  console.log(`  drops ${rec.dropped}, rejoined ${rec.rejoined}, with their state ${rec.restored}; restore p50 ${rec.restoreMs?.p50} ms, p99 ${rec.restoreMs?.p99} ms, max ${rec.restoreMs?.max} ms (tabs: ${pages.restores} restores, p99 ${pages.restoreP99Ms} ms); load generator errors ${load.errorsTotal}`);
  if (load.errorsTotal > 0) console.log("  errors: " + JSON.stringify(load.errors));
  if (pages.slowRestores?.length) console.log("  tabs back after more than 10 s: " + pages.slowRestores.join("; "));
  if (pages.shortRestores?.length) console.log("  tabs back with fewer clicks than they showed (time, view, count before -> after): " + pages.shortRestores.join("; "));
  const ok = lost === 0 && pages.reloads === 0 && load.errorsTotal === 0 && rec.dropped > 0 && rec.rejoined === rec.dropped;
  process.exit(ok ? 0 : 1);
' "$work/load.json" "$work/pages.json" "drop ${faults[drop]}, kill -9 ${faults[kill]}, SIGTERM ${faults[term]}, Redis restart ${faults[redis]}, Redis and node killed together ${faults[outage]}" "$seconds" "$views" "${SOURCE_IPS:-1}" || status=1
[ "$status" -eq 0 ] || { tail -5 "$work/load.log"; grep -h "fail: \|crit: " "$run"/node*.log | sort | uniq -c | sort -rn | head -5; }
exit "$status"
