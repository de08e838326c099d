#!/usr/bin/env bash
# Installs what the component, its demo and its tests need, then builds it.
# Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    say "need root for: $*; run as root or install sudo" >&2
    return 1
  fi
}

install_debian_packages() {
  local missing=()
  command -v prosody >/dev/null || missing+=(prosody)
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v redis-cli >/dev/null || missing+=(redis-tools) # creates the test cluster
  command -v ejabberdctl >/dev/null || [[ -x /usr/sbin/ejabberdctl ]] || missing+=(ejabberd)
  command -v docker-compose >/dev/null || missing+=(docker-compose)
  if ((${#missing[@]} == 0)); then
    say "Debian packages present (prosody, redis-server, redis-tools, ejabberd, docker-compose)"
    return
  fi

  say "installing ${missing[*]} from Debian's packages"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  # Packages may start their daemons on the default ports (none should:
  # images usually forbid it); ours run privately, on ports of their own.
  as_root service prosody stop >/dev/null 2>&1 || true
  as_root service redis-server stop >/dev/null 2>&1 || true
  as_root service ejabberd stop >/dev/null 2>&1 || true
}

install_node_packages() {
  local installed=node_modules/.package-lock.json
  if [[ -f $installed && $installed -nt package-lock.json ]]; then
    say "npm packages up to date"
    return
  fi
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
}

install_debian_packages
install_node_packages
say "building"
npm run --silent build
say "ready"
