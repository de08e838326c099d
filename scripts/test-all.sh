#!/usr/bin/env bash
# The whole test suite, as `npm test` and CI run it: set-up, static checks,
# unit tests, then the integration suite against real Prosody and Redis, on
# ejabberd, and on a Redis Cluster.
# Stops at the first failure, naming the step; closes with the test counts.
set -euo pipefail
cd "$(dirname "$0")/.."

results=$(mktemp -d)
current=""
step() {
  current=$1
  printf '\n==> %s\n' "$1"
}

# Sums jest's --json reports into one "N passed, N failed" line.
count_tests() {
  node -e '
    const reports = process.argv.slice(1).map((f) => require(f));
    const sum = (key) => reports.reduce((n, r) => n + r[key], 0);
    console.log(`tests: ${sum("numPassedTests")} passed, ` +
      `${sum("numFailedTests")} failed, ${sum("numPendingTests")} skipped`);
  ' "$@"
}

finish() {
  local status=$?
  local reports=("$results"/*.json)
  printf '\n==> summary\n'
  [[ -e ${reports[0]} ]] && { count_tests "${reports[@]}" || true; }
  if ((status == 0)); then
    echo "all checks passed"
  else
    echo "FAILED at: $current (exit status $status)"
  fi
  rm -rf "$results"
  exit "$status"
}
trap finish EXIT

step "set-up"
bash scripts/setup.sh

step "type check"
npm run --silent typecheck

step "lint"
npm run --silent lint

step "format check"
npm run --silent format:check

step "compose file"
COMPONENT_SECRET=check docker-compose -f docker-compose.yml config -q

step "telco backend contract (OpenAPI 3.1)"
npm run --silent contract:check

step "unit tests"
npx jest --selectProjects unit --json --outputFile="$results/unit.json"

step "integration tests (real Prosody, Redis and XMPP client)"
npx jest --selectProjects integration --runInBand \
  --json --outputFile="$results/integration.json"

# The same suite with BACKEND=http against the reference server; the files
# that always use the HTTP backend, and the scale-out tests, already ran above.
step "integration tests with the HTTP backend (TEST_BACKEND=http)"
TEST_BACKEND=http npx jest --selectProjects integration --runInBand \
  --testPathIgnorePatterns /node_modules/ 'test/integration/http-' 'test/scale/' \
  --json --outputFile="$results/integration-http.json"

# The same suite on ejabberd, with its own scale-out tests (test/scale/).
step "integration tests on ejabberd"
TEST_XMPP_SERVER=ejabberd TEST_REDIS=server \
  npx jest --selectProjects integration --runInBand \
  --json --outputFile="$results/integration-ejabberd.json"

step "integration tests on a three-master Redis Cluster"
TEST_XMPP_SERVER=prosody TEST_REDIS=cluster \
  npx jest --selectProjects integration --runInBand \
  --json --outputFile="$results/integration-redis-cluster.json"

step "benchmark smoke run (checks that npm run bench works; figures not judged)"
BENCH_ROUNDS=1 BENCH_SECONDS=1 npm run --silent bench
