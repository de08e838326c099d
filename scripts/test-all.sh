#!/usr/bin/env bash
# The whole test suite, as `npm test` and CI run it: set-up, static checks,
# unit tests, then the integration suite against real Prosody and Redis.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "set-up"
bash scripts/setup.sh

step "type check"
npm run --silent typecheck

step "lint"
npm run --silent lint

step "format"
npm run --silent format:check

step "compose file"
COMPONENT_SECRET=check docker-compose -f docker-compose.yml config -q

step "unit tests"
npx jest --selectProjects unit

step "integration tests (real Prosody, Redis and XMPP client)"
npx jest --selectProjects integration --runInBand

printf '\nall checks passed\n'
