#!/usr/bin/env bash
# `npm run demo`: the component with its embedded defaults, a private Prosody
# and Redis on loopback, and a scripted client that shows a login and a
# dashboard. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

run=.run/demo
mkdir -p "$run/prosody/certs"
secret=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pick_port() {
  local port=$1
  while ! port_free "$port"; do port=$((port + 1)); done
  echo "$port"
}

c2s_port=$(pick_port 5222)
component_port=$(pick_port 5347)
redis_port=$(pick_port 6379)

export PROSODY_DATA_DIR="$PWD/$run/prosody" PROSODY_C2S_PORT=$c2s_port PROSODY_COMPONENT_PORT=$component_port
export COMPONENT_DOMAIN=telco.localhost COMPONENT_SECRET=$secret

pids=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no >"$run/redis.log" 2>&1 &
pids+=($!)
prosodyctl --config prosody/prosody.cfg.lua register demo localhost demo
prosody --config prosody/prosody.cfg.lua -F >"$run/prosody.log" 2>&1 &
pids+=($!)

for _ in $(seq 50); do port_free "$component_port" || break; sleep 0.2; done

cat <<TEXT

Demo running. Connect any XMPP client to 127.0.0.1 port $c2s_port
(no TLS) as demo@localhost, password "demo", and write to
buddy_channel@telco.localhost. Demo customer: 3304578577 / mycoolpassword.
Logs: $run/prosody.log, $run/redis.log; the component logs below.
Press Ctrl-C to stop.

TEXT

export XMPP_SERVICE="xmpp://127.0.0.1:$component_port" REDIS_URL="redis://127.0.0.1:$redis_port"
export BACKEND=demo DEMO_DB_PATH="$run/demo.sqlite" DEMO_C2S_SERVICE="xmpp://127.0.0.1:$c2s_port"

node dist/component/main.js &
pids+=($!)
sleep 2
node dist/scripts/demo-client.js || echo "demo client could not finish: see the component's log above"
wait "${pids[2]}"
