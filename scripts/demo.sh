#!/usr/bin/env bash
# `npm run demo`: a private Prosody and Redis on loopback (state in
# .run/demo/), the component in the foreground and, once it is online, the
# scripted demo client (a login and a dashboard). Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

run=$PWD/.run/demo
config=prosody/prosody.cfg.lua
mkdir -p "$run/prosody/certs"

say() { printf 'demo: %s\n' "$*" >&2; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The usual port, or the next free one after it (and says so).
pick_port() {
  local port=$2
  while port_busy "$port"; do port=$((port + 1)); done
  [[ $port == "$2" ]] || say "port $2 ($1) is busy: using $port instead"
  echo "$port"
}

# Polls a check until it passes; gives up with the end of the server's log
# when the server exits or after 20 s.
wait_for() {
  local name=$1 pid=$2 log=$3
  shift 3
  for _ in $(seq 200); do
    "$@" && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  say "$name did not start; the end of $log:"
  tail -n 20 "$log" >&2
  exit 1
}

c2s_port=$(pick_port c2s 5222)
component_port=$(pick_port component 5347)
redis_port=$(pick_port redis 6379)
secret=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')

export PROSODY_INTERFACE=127.0.0.1 PROSODY_DATA_DIR="$run/prosody"
export PROSODY_C2S_PORT=$c2s_port PROSODY_COMPONENT_PORT=$component_port
export COMPONENT_DOMAIN=telco.localhost COMPONENT_SECRET=$secret

pids=()
cleanup() {
  trap - EXIT INT TERM
  local i
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill "${pids[i]}" 2>/dev/null || true
    wait "${pids[i]}" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

redis_up() { [[ $(redis-cli -p "$redis_port" ping 2>/dev/null) == PONG ]]; }
prosody_up() {
  grep -q "on \[127.0.0.1\]:$component_port" "$run/prosody.log" &&
    port_busy "$c2s_port" && port_busy "$component_port"
}

# The servers get their own session (setsid), so that Ctrl-C reaches only the
# component: cleanup stops them after it, and it never sees Redis vanish.
say "starting Redis on 127.0.0.1:$redis_port"
setsid redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no \
  --daemonize no >"$run/redis.log" 2>&1 &
pids+=($!)
wait_for Redis "$!" "$run/redis.log" redis_up

say "starting Prosody on 127.0.0.1:$c2s_port (c2s) and :$component_port (component)"
prosodyctl --config "$config" register demo localhost demo >"$run/prosodyctl.log" 2>&1 ||
  { cat "$run/prosodyctl.log" >&2; exit 1; }
setsid prosody --config "$config" -F >"$run/prosody.log" 2>&1 &
pids+=($!)
wait_for Prosody "$!" "$run/prosody.log" prosody_up

cat <<TEXT

Demo running. Connect any XMPP client to server 127.0.0.1, port $c2s_port
(no TLS), account demo@localhost, password "demo", and chat with
buddy_channel@telco.localhost (any name @telco.localhost reaches the
component). Demo customer: 3304578577 / mycoolpassword.
Logs: .run/demo/{prosody,redis,component}.log; the component's log follows.
Press Ctrl-C to stop.

TEXT

export XMPP_SERVICE="xmpp://127.0.0.1:$component_port"
export REDIS_URL="redis://127.0.0.1:$redis_port"
export BACKEND=demo DEMO_DB_PATH=.run/demo/demo.sqlite
export DEMO_C2S_SERVICE="xmpp://127.0.0.1:$c2s_port"

: >"$run/component.log"
node dist/component/main.js > >(tee -a "$run/component.log") 2>&1 &
component=$!
pids+=("$component")

# The scripted client, once, as soon as the component says it is online.
run_demo_client() {
  [[ -f dist/scripts/demo-client.js ]] || return 0
  until grep -q "component online" "$run/component.log"; do
    kill -0 "$component" 2>/dev/null || return 0
    sleep 0.2
  done
  node dist/scripts/demo-client.js &
  local client=$!
  trap 'kill "$client" 2>/dev/null' TERM
  wait "$client" || say "the demo client stopped early: see the component's log"
}
run_demo_client &
pids+=($!)

wait "$component"
