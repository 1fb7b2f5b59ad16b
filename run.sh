#!/usr/bin/env bash
# Runs the local OnLabel stack with its defaults and stops it all on Ctrl-C:
#   - Keycloak (the distribution from Maven Central, dev mode) on http://127.0.0.1:8180 with the onlabel realm;
#   - the service on http://127.0.0.1:8080, with an embedded PostgreSQL under ./data/postgres and the reference
#     catalog loaded into an empty database.
# A second run reuses what is downloaded, unpacked and stored under ./data.
# Both servers listen on 127.0.0.1 only; ONLABEL_BIND (the service) and ONLABEL_KEYCLOAK_BIND (Keycloak) widen that,
# e.g. ONLABEL_BIND=0.0.0.0 -- but the demo identities and Keycloak's admin/admin console are then reachable too.
set -euo pipefail
cd "$(dirname "$0")"

KEYCLOAK_VERSION=26.5.6
KEYCLOAK_HOME="data/keycloak/keycloak-${KEYCLOAK_VERSION}"
KEYCLOAK_PORT="${ONLABEL_KEYCLOAK_PORT:-8180}"
BIND="${ONLABEL_BIND:-127.0.0.1}"
KEYCLOAK_BIND="${ONLABEL_KEYCLOAK_BIND:-127.0.0.1}"

./mvnw -B -q -DskipTests package
if [ ! -x "${KEYCLOAK_HOME}/bin/kc.sh" ]; then
  ./mvnw -B -q dependency:unpack@keycloak-for-run
fi
mkdir -p "${KEYCLOAK_HOME}/data/import"
cp keycloak/onlabel-realm.json "${KEYCLOAK_HOME}/data/import/"

echo "Starting Keycloak on http://${KEYCLOAK_BIND}:${KEYCLOAK_PORT} (log: data/keycloak.log)"
KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}" \
KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}" \
  "${KEYCLOAK_HOME}/bin/kc.sh" start-dev --http-host="${KEYCLOAK_BIND}" --http-port="${KEYCLOAK_PORT}" --import-realm > data/keycloak.log 2>&1 &
KEYCLOAK_PID=$!

stop_keycloak() {
  if kill -0 "${KEYCLOAK_PID}" 2>/dev/null; then
    kill -TERM "${KEYCLOAK_PID}" 2>/dev/null || true
    wait "${KEYCLOAK_PID}" 2>/dev/null || true
  fi
}
trap stop_keycloak EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The service waits (up to two minutes) for Keycloak to answer before it serves.
# JVM limits (heap, metaspace, ...) from jvm.options unless JAVA_OPTS is set
JAVA_OPTS="${JAVA_OPTS:-$(grep -v '^#' jvm.options | xargs)}"
# glibc gives every thread that allocates natively its own arena (up to 8 per core, 64 MB each): two are enough
# for the service and keep the resident size down (measured in issue 12: RSS above the JVM's own accounting)
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
java ${JAVA_OPTS} \
  -Dquarkus.http.host="${BIND}" \
  -Donlabel.reference-catalog.enabled="${ONLABEL_REFERENCE_CATALOG_ENABLED:-true}" \
  -Dquarkus.oidc.auth-server-url="${QUARKUS_OIDC_AUTH_SERVER_URL:-http://127.0.0.1:${KEYCLOAK_PORT}/realms/onlabel}" \
  -Dquarkus.oidc.connection-delay=2M \
  -Dquarkus.oidc.web.connection-delay=2M \
  -jar target/quarkus-app/quarkus-run.jar &
SERVICE_PID=$!
trap 'kill -TERM ${SERVICE_PID} 2>/dev/null; wait ${SERVICE_PID} 2>/dev/null; exit 130' INT
trap 'kill -TERM ${SERVICE_PID} 2>/dev/null; wait ${SERVICE_PID} 2>/dev/null; exit 143' TERM
wait "${SERVICE_PID}"
