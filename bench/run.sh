#!/usr/bin/env bash
# The OnLabel benchmark: builds the service, starts Keycloak and the packaged service (embedded PostgreSQL) on free
# loopback ports with their data under bench/work/, loads a synthetic catalog, measures each call with wrk and
# writes bench/results/<date>.md and .json. Everything it started is stopped when it ends.
#
#   bench/run.sh [--datasets N] [--duration S] [--connections 1,8,32] [--load api|sql] [--only a,b] [--extended] [--label TEXT]
#
# Needs JDK 17 and python3; wrk, psql and pgbench (Debian's wrk and postgresql-client) are installed if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk is missing: installing it from Debian (apt-get install -y wrk)"
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y wrk; else sudo apt-get install -y wrk; fi
fi
if ! command -v psql >/dev/null 2>&1 || ! command -v pgbench >/dev/null 2>&1; then
  echo "psql or pgbench is missing: installing them from Debian (apt-get install -y postgresql-client)"
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y postgresql-client; else sudo apt-get install -y postgresql-client; fi
fi
for tool in python3 psql pgbench java; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench/run.sh needs $tool on the PATH" >&2; exit 2; }
done

if [ "${BENCH_SKIP_BUILD:-false}" != "true" ]; then
  echo "building the service (./mvnw -B -q -DskipTests package)"
  build_started=$SECONDS
  ./mvnw -B -q -DskipTests package
  export BENCH_BUILD_SECONDS=$((SECONDS - build_started))   # the report's wall clock includes the build
fi
exec python3 bench/bench.py "$@"
