#!/usr/bin/env bash
# Runs the Ballots sample as a cluster on this machine, no containers: redis-server, PostgreSQL, N nodes
# of the app on their own ports, and nginx in front with plain round robin (no sticky sessions). The nodes
# share Redis (PubSub, snapshots, key ring) and the Ballots data in PostgreSQL (--Database:Provider
# Postgres), so nodes on other machines could join by pointing at the same two servers.
#   deploy/cluster.sh start [nodes]   (default 3)     deploy/cluster.sh stop     deploy/cluster.sh status
#   deploy/cluster.sh start-node i | start-redis | stop-redis   (what deploy/chaos-soak.sh restarts)
# NODE_ARGS="--Rekindle:... value" adds arguments to every node started; REDIS_PORT, FIRST_PORT and
# FRONT_PORT move the cluster off 6390, 5101.. and 8080.
# Then open http://127.0.0.1:8080/. Logs and pids are in deploy/run/.
set -euo pipefail
cd "$(dirname "$0")/.."
run="$PWD/deploy/run"
redis_port=${REDIS_PORT:-6390}
pg_port=${PG_PORT:-5440}
pg_connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=ballots"
first_port=${FIRST_PORT:-5101}
front_port=${FRONT_PORT:-8080}
mkdir -p "$run"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install() {
  local missing=()
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v nginx >/dev/null 2>&1 || missing+=(nginx)
  pg_bin >/dev/null || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# Debian installs the server programs under /usr/lib/postgresql/<version>/bin, off the PATH.
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 | grep .; }

# PostgreSQL refuses to run as root: as root, its programs run as the postgres user the package creates.
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# A server of the cluster's own in deploy/run/pg (kept across stop and start, like Redis's append-only
# file), on loopback only, trust authentication; the nodes create the schema at startup. 400
# connections: each node's Npgsql pool may open up to 100.
start_postgres() {
  local bin data="$run/pg"
  bin=$(pg_bin)
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown postgres: "$data"
    as_postgres "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --no-instructions >"$run/initdb.log"
  fi
  touch "$run/postgres.log"
  [ "$(id -u)" = 0 ] && chown postgres: "$run/postgres.log"
  as_postgres "$bin/pg_ctl" -D "$data" -l "$run/postgres.log" -w -o "-p $pg_port -h 127.0.0.1 -k '' -c max_connections=400" start >/dev/null
  as_postgres "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'ballots'" | grep -q 1 ||
    as_postgres "$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres ballots
  echo "postgres on 127.0.0.1:$pg_port"
}

publish() {
  dotnet publish samples/Ballots -c Release -o "$run/app" -nologo -v:quiet
}

start_node() {
  local index=$1 port=$((first_port + $1))
  ASPNETCORE_ENVIRONMENT=Production nohup dotnet "$run/app/Ballots.dll" \
    --urls "http://127.0.0.1:$port" \
    --Redis:Connection "127.0.0.1:$redis_port" \
    --Database:Provider Postgres --Database:ConnectionString "$pg_connection" \
    --Rekindle:DataPath "$run/data" ${NODE_ARGS:-} >>"$run/node$index.log" 2>&1 &
  echo $! >"$run/node$index.pid"
  wait_ready "$port"
  echo "node $index on 127.0.0.1:$port (pid $(cat "$run/node$index.pid"))"
}

# /health/ready (the sample's MapHealthChecks of AddRekindle's checks) answers 200 once the node serves
# live views: Redis answered since startup (the key ring and snapshots live there) and it is not draining.
wait_ready() {
  for _ in $(seq 1 150); do
    curl -fs -o /dev/null "http://127.0.0.1:$1/health/ready" && return 0
    sleep 0.2
  done
  echo "node on port $1 did not become ready; see $run/*.log" >&2
  return 1
}

# max_fails=0: a node that refuses (restarting) or answers 503 is skipped for that request by
# proxy_next_upstream, never marked down; with max_fails=1 a rolling deploy under load marked every
# node down at once and nginx answered 502 "no live upstreams" for half a minute after it. A node
# answers 503 exactly when its /health/ready check fails: while draining, and when Redis has not
# answered since it started (after Rekindle:StartupWait). nginx open source has no active health
# checks, so that passive retry is how it uses them; /health/ is passed through without the retry, so
# a probe through nginx sees each node's own answer (an orchestrator polls each node's port directly).
write_nginx_conf() {
  local nodes=$1 upstreams=""
  for i in $(seq 0 $((nodes - 1))); do upstreams+="    server 127.0.0.1:$((first_port + i)) max_fails=0;"$'\n'; done
  cat >"$run/nginx.conf" <<CONF
worker_processes 1;
pid $run/nginx.pid;
error_log $run/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  upstream ballots {
$upstreams  }
  map \$http_upgrade \$connection_upgrade { default upgrade; '' close; }
  server {
    listen 127.0.0.1:$front_port;
    location / {
      proxy_pass http://ballots;
      proxy_http_version 1.1;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_read_timeout 120s;
      proxy_send_timeout 120s;
      proxy_connect_timeout 2s;
      proxy_next_upstream error timeout http_502 http_503;
    }
    location /health/ {
      proxy_pass http://ballots;
      proxy_next_upstream off;
    }
  }
}
CONF
}

# Persistence as README's "Running a cluster" asks of a production Redis: every write reaches the
# append-only file before Redis answers it, so a snapshot whose change a node acknowledged outlives a
# Redis restart and a Redis crash (kill -9) alike.
start_redis() {
  redis-server --port "$redis_port" --bind 127.0.0.1 --daemonize yes --pidfile "$run/redis.pid" --logfile "$run/redis.log" --dir "$run" --save "" --appendonly yes --appendfsync always
}

# SIGTERM: Redis writes its append-only file and exits; the nodes keep serving meanwhile.
stop_redis() {
  local pid
  pid=$(cat "$run/redis.pid")
  kill -TERM "$pid"
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  echo "redis-server did not exit within 10 s" >&2
  return 1
}

case "${1:-start}" in
  start)
    nodes=${2:-3}
    install
    publish
    rm -f "$run"/node*.log
    start_postgres
    start_redis
    for i in $(seq 0 $((nodes - 1))); do start_node "$i"; done
    echo "$nodes" >"$run/nodes"
    write_nginx_conf "$nodes"
    nginx -c "$run/nginx.conf"
    echo "cluster up: http://127.0.0.1:$front_port/"
    ;;
  stop)
    [ -f "$run/nginx.pid" ] && kill "$(cat "$run/nginx.pid")" 2>/dev/null || true
    for pid in "$run"/node*.pid; do [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null || true; done
    [ -f "$run/redis.pid" ] && kill "$(cat "$run/redis.pid")" 2>/dev/null || true
    [ -f "$run/pg/postmaster.pid" ] && as_postgres "$(pg_bin)/pg_ctl" -D "$run/pg" -m fast stop >/dev/null 2>&1 || true
    echo "cluster stopped"
    ;;
  status)
    for pid in "$run"/node*.pid; do
      [ -f "$pid" ] && { kill -0 "$(cat "$pid")" 2>/dev/null && echo "$(basename "$pid" .pid) up" || echo "$(basename "$pid" .pid) down"; }
    done
    ;;
  start-node) start_node "$2" ;;
  start-redis) start_redis ;;
  stop-redis) stop_redis ;;
  *) echo "usage: $0 start [nodes] | stop | status" >&2; exit 2 ;;
esac
