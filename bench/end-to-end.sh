#!/usr/bin/env bash
# End-to-end benchmark of battle invitations (not a test): request in, 201 at the provider, the row
# `sent`.
#
#   bench/end-to-end.sh [rate] [seconds]        steady state: warm-up (ramping from a tenth of
#                                               `rate` to `rate`, its last third at `rate`), then
#                                               `seconds` (120) at `rate` invitations/s (300)
#   bench/end-to-end.sh soak [rate] [minutes]   soak: warm-up, then `minutes` (10) one-minute
#                                               phases, one line each, so that degradation shows
#
# Starts a fake Twilio (bench/FakeProvider.java) answering after BENCH_PROVIDER_LATENCY_MS (50),
# a fresh PostgreSQL database, and the packaged jar with the `prod` profile and the Twilio provider
# pointed at the fake. Gatling (bench/gatling, EndToEndSimulation) posts `battle.invitation` events
# at a constant rate (open model: slow answers do not slow the load down), each with its own
# invitation id, inviter and destination number, so that no per-inviter or per-number limit trips.
# Prints per phase: accepted events/s (202s), msgs/s end to end (rows `sent`, and 201s counted by
# the fake), p50/p99/max intake latency, CPU ms per message of the service JVM and of the
# PostgreSQL backends of this database (utime+stime from /proc), the outbox backlog and the load
# average. Then, in the same run, the ceiling: a bare endpoint that inserts one row
# (bench/src BareInsertController, closed loop of BENCH_BARE_CLIENTS clients) and a bare loop of
# provider calls (bench/ProviderLoop.java, SMS_DISPATCH_THREADS threads, the service's HTTP client
# settings), and the ratio of the real path to that ceiling.
#
# Environment: BENCH_JAVA (java of the service; default the newest JDK 21+ under /usr/lib/jvm),
# BENCH_WARMUP_SECONDS (60), BENCH_PROVIDER_LATENCY_MS (50), BENCH_CEILING_SECONDS (30; 0 skips
# the ceiling), BENCH_BARE_CLIENTS (32), SMS_DISPATCH_THREADS (the service's default),
# BENCH_E2E_PORT (18340), BENCH_FAKE_PORT (18341), BENCH_SERVICE_ENV (extra VAR=value for the
# service), BENCH_JAVA_OPTS ("-Xms1g -Xmx1g -XX:+UseParallelGC", the heap and collector of the README's
# production setup; set it empty for the JVM's defaults), BENCH_BUILD=1 (rebuild the jar), BENCH_PG (own: a PostgreSQL server
# of the run's own with the production settings and BENCH_PG_WAL_GB of WAL segments made ahead,
# BENCH_PG_SETTINGS more postgresql.conf lines for an experiment, its log in postgres.log,
# bench/own-postgres.sh; shared: PGHOST/PGPORT/PGUSER,
# localhost:5432, postgres, trust auth).
# Inside the service it also prints the intake's p50/p99 split into the wait for a transaction and
# the transaction (metric histograms; BENCH_SPLIT=0 leaves them out).
# BENCH_JFR=1 records the service's measured phases with JFR and prints the top frames;
# BENCH_STATEMENTS=1 prints statements per invitation (pg_stat_statements if it can be loaded,
# else the server log with log_statement=all on this database only, which costs CPU: the CPU
# figures of such a run are not comparable). Output and logs go to bench/target/e2e.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/e2e-lib.sh
source bench/e2e-profile.sh
source bench/own-postgres.sh

MODE=steady
if [[ "${1:-}" == soak ]]; then
  MODE=soak
  shift
fi
RATE=${1:-300}
WARMUP=${BENCH_WARMUP_SECONDS:-60}
if [[ $MODE == soak ]]; then
  MINUTES=${2:-10}
  PHASES="warmup:$WARMUP"
  for m in $(seq 1 "$MINUTES"); do PHASES+=",$(printf 'minute%02d' "$m"):60"; done
  # about half a GB of WAL a minute at 2,000 texts a second: segments made ahead for the whole soak
  BENCH_PG_WAL_GB=${BENCH_PG_WAL_GB:-$((2 + (MINUTES + 1) / 2))}
else
  PHASES="warmup:$WARMUP,steady:${2:-120}"
fi
PORT=${BENCH_E2E_PORT:-18340}
FAKE_PORT=${BENCH_FAKE_PORT:-18341}
LATENCY=${BENCH_PROVIDER_LATENCY_MS:-50}
CEILING_SECONDS=${BENCH_CEILING_SECONDS:-30}
BARE_CLIENTS=${BENCH_BARE_CLIENTS:-32}
PGHOST=${PGHOST:-localhost}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
DB="bench_e2e_$$"
OUT="$PWD/bench/target/e2e"
KEY="bench-platform-key"
HZ=$(getconf CLK_TCK)
JAR=$(ls target/allthrive-sms-*.jar 2>/dev/null | grep -v original | head -1 || true)
SERVICE_JAVA=${BENCH_JAVA:-$(ls -d /usr/lib/jvm/*-2[1-9]*/bin/java 2>/dev/null | sort -t- -k2 -V | tail -1 || true)}
SERVICE_JAVA=${SERVICE_JAVA:-java}
# unless set, the service's own default: 200 senders right after commit on Java 21+, 150 on 17;
# the provider loop of the ceiling runs as many
JAVA_MAJOR=$("$SERVICE_JAVA" -version 2>&1 | head -1 | sed -E 's/[^"]*"([0-9]+).*/\1/')
THREADS=${SMS_DISPATCH_THREADS:-$([[ $JAVA_MAJOR -ge 21 ]] && echo 200 || echo 150)}
# the fake provider is not under test: it runs on the newest JDK whatever the service's
FAKE_JAVA=$(ls -d /usr/lib/jvm/*-2[1-9]*/bin/java 2>/dev/null | sort -t- -k2 -V | tail -1 || true)
FAKE_JAVA=${FAKE_JAVA:-$SERVICE_JAVA}
JDK_BIN=$(dirname "$(readlink -f "$(command -v "$SERVICE_JAVA")")")
own_postgres_start
trap own_postgres_stop EXIT
PSQL=(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -v ON_ERROR_STOP=1 -qAt)

if [[ -z "$JAR" || "${BENCH_BUILD:-0}" == 1 ]]; then
  ./mvnw -q -B -DskipTests package
  JAR=$(ls target/allthrive-sms-*.jar | grep -v original | head -1)
fi
rm -rf "$OUT/markers" "$OUT/phases.txt" "$OUT/samples" && mkdir -p "$OUT/classes" "$OUT/samples"
unzip -qo "$JAR" 'BOOT-INF/lib/*' -d "$OUT/jar"
javac -nowarn -d "$OUT/classes" -cp "$OUT/jar/BOOT-INF/lib/*" bench/src/com/allthrive/sms/bench/BareInsertController.java
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

for p in "$PORT" "$FAKE_PORT"; do
  if curl -s -o /dev/null "http://127.0.0.1:$p/"; then
    echo "port $p is already in use; set BENCH_E2E_PORT / BENCH_FAKE_PORT" >&2
    exit 1
  fi
done

SERVICE_PID="" FAKE_PID="" GATLING_PID="" SCRAPER_PID=""
cleanup() {
  kill_tree "$SCRAPER_PID"
  kill_tree "$GATLING_PID"
  kill_tree "$SERVICE_PID"
  kill_tree "$FAKE_PID"
  "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
  own_postgres_stop
}
trap cleanup EXIT
trap "exit 130" INT TERM

"$FAKE_JAVA" bench/FakeProvider.java "$FAKE_PORT" "$LATENCY" >"$OUT/fake.log" 2>&1 &
FAKE_PID=$!
"${PSQL[@]}" -d postgres -c "create database $DB"
STATEMENTS=""
[[ "${BENCH_STATEMENTS:-0}" == 1 ]] && prepare_statement_count

env SPRING_PROFILES_ACTIVE=prod SERVER_PORT="$PORT" \
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  PUBLIC_BASE_URL="http://localhost:$PORT" FRONTEND_URL=https://allthrive.example \
  SMS_PROVIDER=twilio TWILIO_ACCOUNT_SID=AC00000000000000000000000000000000 \
  TWILIO_AUTH_TOKEN=bench-auth-token TWILIO_PHONE_NUMBER=+15005550006 \
  TWILIO_API_BASE_URL="http://127.0.0.1:$FAKE_PORT" ${SMS_DISPATCH_THREADS:+SMS_DISPATCH_THREADS=$SMS_DISPATCH_THREADS} \
  SMS_SECRET_KEY=bench-secret-key-of-at-least-thirty-two-characters \
  JWT_SECRET=bench-jwt-secret-of-at-least-thirty-two-bytes \
  PLATFORM_API_KEY=$KEY ADMIN_API_KEY=bench-admin-key SMS_BENCH_BARE_INSERT=true \
  $(split_env) ${BENCH_SERVICE_ENV:-} \
  "$SERVICE_JAVA" $(service_java_options) -Dloader.path="$OUT/classes" -cp "$JAR" \
  org.springframework.boot.loader.launch.PropertiesLauncher >"$OUT/service.log" 2>&1 &
SERVICE_PID=$!
wait_until "the service" 240 curl -fs -o /dev/null "http://localhost:$PORT/actuator/health"
wait_until "the fake provider" 60 curl -fs -o /dev/null "http://127.0.0.1:$FAKE_PORT/served"
"${PSQL[@]}" -d "$DB" -c "create table bench_bare (id bigserial primary key, payload varchar(200), created_at timestamptz not null)"

echo "== $(date -u +%FT%TZ) $MODE, $RATE invitations/s, phases $PHASES, provider latency ${LATENCY} ms," \
  "$(nproc) cores, $(own_postgres_describe), service on $("$SERVICE_JAVA" -version 2>&1 | head -1), load average $(loadavg)"

./mvnw -q -B -f bench/gatling/pom.xml gatling:test -Dsimulation=bench.EndToEndSimulation \
  -Dbase="http://localhost:$PORT" -Dkey=$KEY -Drate="$RATE" -Dphases="$PHASES" -Drun="$$" \
  -Dout="$OUT" >"$OUT/gatling.log" 2>&1 &
GATLING_PID=$!
NAMES=($(tr ',' '\n' <<<"$PHASES" | cut -d: -f1) end)
for i in "${!NAMES[@]}"; do
  name=${NAMES[$i]}
  wait_until "phase $name" 900 test -e "$OUT/markers/$name"
  sample "$i-$name"
  if [[ $i == 0 ]]; then
    # scraped every 10 s from the start, as Prometheus does in production: the first scrapes load
    # and compile the exporter, about a second of CPU that, when the first scrape opened the
    # measured phase, made its slowest answers
    split_scraper &
    SCRAPER_PID=$!
  fi
  if [[ $i == 1 ]]; then
    split_scrape start
    jfr_start
    statements_start
  fi
done
split_scrape end
kill_tree "$SCRAPER_PID"
SCRAPER_PID=""
jfr_stop
wait "$GATLING_PID" || { tail -30 "$OUT/gatling.log"; exit 1; }
GATLING_PID=""
report_phases
split_report
drain
statements_stop
if [[ "$CEILING_SECONDS" -gt 0 ]]; then ceiling; fi
jfr_summary
statements_report
echo "load average at the end: $(loadavg)"
