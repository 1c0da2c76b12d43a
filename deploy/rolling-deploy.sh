#!/usr/bin/env bash
# Restarts the nodes of deploy/cluster.sh one at a time: SIGTERM (the node closes its sockets with
# 1012, spread over Rekindle:Transport:DrainJitter; clients reconnect through nginx to the other
# nodes and get their views back from Redis), wait for the process to exit, start it again, wait
# until it answers, then the next node. Browsers stay on the page throughout.
set -euo pipefail
cd "$(dirname "$0")/.."
run="$PWD/deploy/run"
nodes=$(cat "$run/nodes")
for i in $(seq 0 $((nodes - 1))); do
  pid=$(cat "$run/node$i.pid")
  echo "draining node $i (pid $pid)"
  kill -TERM "$pid"
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then echo "node $i did not exit within 30 s" >&2; exit 1; fi
  deploy/cluster.sh start-node "$i"
done
echo "rolling deploy done"
