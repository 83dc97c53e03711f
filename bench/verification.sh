#!/usr/bin/env bash
# Benchmark of phone verification over HTTP (not a test).
#
#   bench/verification.sh [users] [concurrency]        e.g. bench/verification.sh 20000 8
#
# Builds the jar (skipped when present; BENCH_BUILD=1 forces it), creates a fresh PostgreSQL
# database on localhost:5432, starts the service on it with the console provider, provisions
# `users` distinct users, then has each ask for a code and verify it, with `concurrency` clients
# in a closed loop, and prints requests/s and p50/p99 latency per endpoint. A bench-only code
# generator (bench/src/com/allthrive/sms/bench, added with -Dloader.path, never in the jar) makes
# codes predictable; each user gets its own client address through X-Forwarded-For, as behind a
# reverse proxy. The service and the database are removed at the end.
#
# Besides req/s and latency, each line shows CPU milliseconds per request (Linux /proc) of the
# service ("svc cpu"), of all PostgreSQL processes ("db cpu", includes anyone else's use of the
# same server) and of the load generator ("gen cpu"). Their sum bounds req/s on an idle machine:
# 2 cores give 2000 CPU ms per second. Throughput and latency suffer from anything else running.
#
# Environment: BENCH_PORT (18181), BENCH_JAVA (java for the service; default the newest JDK 21+
# under /usr/lib/jvm, as recommended for production, else `java`), BENCH_LOAD_JAVA (java for the
# load generator; default `java`), BENCH_WARMUP (15000 users first, not reported: the JIT needs them),
# BENCH_SERVICE_ENV (extra VAR=value settings for the service), PGHOST/PGPORT/PGUSER.
set -euo pipefail
cd "$(dirname "$0")/.."

USERS=${1:-20000}
CONCURRENCY=${2:-8}
PORT=${BENCH_PORT:-18181}
WARMUP=${BENCH_WARMUP:-15000}
PGHOST=${PGHOST:-localhost}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
DB="bench_verification_$$"
OUT=bench/target
JAR=$(ls target/allthrive-sms-*.jar 2>/dev/null | grep -v original | head -1 || true)
SERVICE_JAVA=${BENCH_JAVA:-$(ls -d /usr/lib/jvm/*-2[1-9]*/bin/java 2>/dev/null | sort -t- -k2 -V | tail -1 || true)}
SERVICE_JAVA=${SERVICE_JAVA:-java}
LOAD_JAVA=${BENCH_LOAD_JAVA:-java}
PLATFORM_KEY="bench-platform-key"
JWT_SECRET="bench-jwt-secret-of-at-least-thirty-two-bytes"

if [[ -z "$JAR" || "${BENCH_BUILD:-0}" == 1 ]]; then
  ./mvnw -q -B -DskipTests package
  JAR=$(ls target/allthrive-sms-*.jar | grep -v original | head -1)
fi
mkdir -p "$OUT/classes"
javac -nowarn -cp "target/classes:$(find ~/.m2/repository/org/springframework/spring-context -name 'spring-context-7*.jar' | head -1)" \
  -d "$OUT/classes" bench/src/com/allthrive/sms/bench/FixedCodeGenerator.java

if curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1; then
  echo "port $PORT is already in use; set BENCH_PORT" >&2
  exit 1
fi
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "create database $DB" >/dev/null
SERVICE_PID=""
cleanup() {
  if [[ -n "$SERVICE_PID" ]]; then kill "$SERVICE_PID" 2>/dev/null || true; wait "$SERVICE_PID" 2>/dev/null || true; fi
  psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "drop database if exists $DB" >/dev/null || true
}
trap cleanup EXIT

env SERVER_PORT=$PORT SMS_DEMO=false SMS_PROVIDER=console \
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME=$PGUSER \
  DB_SCHEDULER_POLLING_STRATEGY=lock_and_fetch ${BENCH_SERVICE_ENV:-} \
  PLATFORM_API_KEY=$PLATFORM_KEY ADMIN_API_KEY=bench-admin-key JWT_SECRET=$JWT_SECRET \
  SMS_SECRET_KEY=bench-secret-key-of-at-least-thirty-two-characters \
  SMS_VERIFICATION_IP_LIMIT=20 SERVER_FORWARD_HEADERS_STRATEGY=native \
  "$SERVICE_JAVA" -Dloader.path="$OUT/classes" -cp "$JAR" \
  org.springframework.boot.loader.launch.PropertiesLauncher >"$OUT/service.log" 2>&1 &
SERVICE_PID=$!

for _ in $(seq 1 120); do
  curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$SERVICE_PID" 2>/dev/null || { tail -40 "$OUT/service.log"; exit 1; }
  sleep 1
done

echo "service: $("$SERVICE_JAVA" -version 2>&1 | head -1), database $DB, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$LOAD_JAVA" bench/src/VerificationLoad.java base="http://localhost:$PORT" users="$USERS" warmup="$WARMUP" \
  concurrency="$CONCURRENCY" platformKey=$PLATFORM_KEY jwtSecret=$JWT_SECRET servicePid="$SERVICE_PID" \
  afterWarmup="psql -h $PGHOST -p $PGPORT -U $PGUSER -d $DB -qc checkpoint"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); target: >= 1000 req/s and p99 <= 30 ms per endpoint"
