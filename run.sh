#!/usr/bin/env bash
# Runs OnLabel locally with its defaults: an embedded PostgreSQL under ./data/postgres, the reference catalog
# loaded into an empty database, the API on http://127.0.0.1:8080. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

./mvnw -B -q -DskipTests package

exec java ${JAVA_OPTS:-} \
  -Donlabel.reference-catalog.enabled="${ONLABEL_REFERENCE_CATALOG_ENABLED:-true}" \
  -jar target/quarkus-app/quarkus-run.jar
