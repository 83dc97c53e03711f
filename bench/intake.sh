#!/usr/bin/env bash
# Benchmark of event intake over HTTP (not a test).
#
#   bench/intake.sh [rate] [seconds]          e.g. bench/intake.sh 2000 30
#
# Creates a fresh PostgreSQL database, starts the packaged service on it (console provider) with
# BENCH_USERS verified users, and drives it with Gatling's open model: `rate` new requests per
# second for `seconds`, whatever the answers, so slow answers do not slow the load down (no
# coordinated omission). Three phases, each after a warm-up that rises from a tenth of the rate to
# the rate (the service compiles its paths first; a cold start at full rate leaves a backlog); an
# event phase and its warm-up are one Gatling run, so that the measured seconds do not begin with a
# cold load generator, new connections and Maven starting on the same cores:
#   bare         POST /bench/bare-insert, one row into PostgreSQL: this machine's ceiling, measured
#                by a closed loop of BENCH_BARE_CLIENTS (32) clients, each sending its next request
#                when the answer arrives: the most the stack can take. (An open load far past the
#                ceiling measures the queue it builds, not the ceiling.)
#   bare-open    (only when named in BENCH_PHASES, after bare) the bare insert in the open model
#                with the events' warm-up and rate: one row insert's p99 on this machine at that
#                rate. It has no door: when the machine falls behind, its backlog grows until the
#                service's heap is full and the phase fails (bench/README.md, "Twentieth round")
#   dm           direct_message.created, a new thread each time, to a random seeded user
#   achievement  achievement.unlocked for a random seeded user
# Every event has its own Idempotency-Key. Prints per phase: requests, failures (for the bare
# insert, of them the 503 `busy` answers of the intake's door; for events, the door's 503s over the
# warm-up and the phase), achieved requests/s (successful answers over the phase), p50 and p99 (and
# for events max) latency of the successful answers.
#
# The bare endpoint is benchmark code (bench/src), put on the class path with -Dloader.path and
# switched on with SMS_BENCH_BARE_INSERT=true; it is never in the jar.
#
# Also per phase: CPU ms per successful request of the service and of this database's PostgreSQL
# backends (utime + stime from /proc); for events also the load generator's CPU ms per request
# (its JVM's own count, written into the phase markers), how busy the machine's cores were, and the
# seconds the service's JIT spent compiling (a phase that still compiles much has not reached its
# steady state: lengthen BENCH_WARMUP_SECONDS).
# BENCH_PHASES picks phases (default "bare dm achievement"); BENCH_JFR=1 records the service with
# JFR and prints the top frames of the measured phases; BENCH_STATEMENTS=1 prints the statements
# that took most of PostgreSQL's time in each event phase (pg_stat_statements).
#
# Environment: BENCH_INTAKE_PORT (18281), BENCH_JAVA (java for the service; default the newest
# JDK 21+ under /usr/lib/jvm), BENCH_JAVA_OPTS ("-Xms1g -Xmx1g -XX:+UseParallelGC", as the README's
# production setup),
# BENCH_JDBC_PARAMS (driver settings for the service's JDBC URL, e.g.
# "preparedStatementCacheQueries=2048"), BENCH_USERS (20000), BENCH_WARMUP_SECONDS (10), BENCH_BARE_CLIENTS,
# BENCH_BUILD=1 (rebuild the jar), BENCH_PG (own: a PostgreSQL server of the run's own with the
# production settings, BENCH_PG_WAL_GB and BENCH_PG_SETTINGS as there, bench/own-postgres.sh;
# shared: PGHOST/PGPORT/PGUSER). Needs psql, curl, a JDK; the Gatling
# load generator is fetched by Maven (bench/gatling/pom.xml) on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

RATE=${1:-2000}
SECONDS_=${2:-30}
PORT=${BENCH_INTAKE_PORT:-18281}
USERS=${BENCH_USERS:-20000}
WARMUP=${BENCH_WARMUP_SECONDS:-10}
BARE_CLIENTS=${BENCH_BARE_CLIENTS:-32}
PGHOST=${PGHOST:-localhost}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
DB="bench_intake_$$"
OUT=bench/target/intake
JAR=$(ls target/allthrive-sms-*.jar 2>/dev/null | grep -v original | head -1 || true)
SERVICE_JAVA=${BENCH_JAVA:-$(ls -d /usr/lib/jvm/*-2[1-9]*/bin/java 2>/dev/null | sort -t- -k2 -V | tail -1 || true)}
SERVICE_JAVA=${SERVICE_JAVA:-java}
KEY="bench-platform-key"
ADMIN_KEY="bench-admin-key"
PHASES=${BENCH_PHASES:-bare dm achievement}
JDK_BIN=$(dirname "$(readlink -f "$(command -v "$SERVICE_JAVA")")")
source bench/e2e-lib.sh
source bench/e2e-profile.sh
source bench/own-postgres.sh
own_postgres_start
trap own_postgres_stop EXIT
# seconds the service's JIT has spent compiling so far, from its own metrics: a jstat would start a
# JVM on the two busy cores right when the measured phase begins, and its start shows in the p99
jit_seconds() {
  curl -fs -H "X-Api-Key: $ADMIN_KEY" "http://localhost:$PORT/actuator/metrics/jvm.compilation.time" \
    | sed -n 's/.*"value":\([0-9.E+-]*\).*/\1/p' | awk '{ printf "%.3f\n", $1 / 1000 } END { if (NR == 0) print 0 }'
}
pg_ticks() {
  local pid sum=0
  for pid in $(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -Atd postgres -c \
      "select pid from pg_stat_activity where datname = '$DB' and pid <> pg_backend_pid()"); do
    sum=$((sum + $(ticks "$pid")))
  done
  echo "$sum"
}

if [[ -z "$JAR" || "${BENCH_BUILD:-0}" == 1 ]]; then
  ./mvnw -q -B -DskipTests package
  JAR=$(ls target/allthrive-sms-*.jar | grep -v original | head -1)
fi
mkdir -p "$OUT/classes"
unzip -qo "$JAR" 'BOOT-INF/lib/*' -d "$OUT/jar"
javac -nowarn -d "$OUT/classes" -cp "$OUT/jar/BOOT-INF/lib/*" bench/src/com/allthrive/sms/bench/BareInsertController.java

if curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1; then
  echo "port $PORT is already in use; set BENCH_INTAKE_PORT" >&2
  exit 1
fi
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "create database $DB" >/dev/null
SERVICE_PID="" GATLING_PID=""
cleanup() {
  if [[ -n "$SERVICE_PID" ]]; then kill "$SERVICE_PID" 2>/dev/null || true; wait "$SERVICE_PID" 2>/dev/null || true; fi
  psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "drop database if exists $DB" >/dev/null || true
  own_postgres_stop
}
trap cleanup EXIT
trap "exit 130" INT TERM

env SERVER_PORT=$PORT SMS_DEMO=false SMS_PROVIDER=console SMS_BENCH_BARE_INSERT=true \
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB${BENCH_JDBC_PARAMS:+?$BENCH_JDBC_PARAMS}" SPRING_DATASOURCE_USERNAME=$PGUSER \
  DB_SCHEDULER_POLLING_STRATEGY=lock_and_fetch ${BENCH_SERVICE_ENV:-} \
  PLATFORM_API_KEY=$KEY ADMIN_API_KEY=$ADMIN_KEY JWT_SECRET=bench-jwt-secret-of-at-least-thirty-two-bytes \
  SMS_SECRET_KEY=bench-secret-key-of-at-least-thirty-two-characters \
  "$SERVICE_JAVA" $(service_java_options) -Dloader.path="$OUT/classes" -cp "$JAR" \
  org.springframework.boot.loader.launch.PropertiesLauncher >"$OUT/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$SERVICE_PID" 2>/dev/null || { tail -40 "$OUT/service.log"; exit 1; }
  sleep 1
done

PSQL="psql -h $PGHOST -p $PGPORT -U $PGUSER -d $DB -q"
$PSQL -c "create table bench_bare (id bigserial primary key, payload varchar(200), created_at timestamptz not null)"
$PSQL -v users="$USERS" -f bench/seed-users.sql >/dev/null

# one closed-loop Gatling run of the bare insert; prints the run's global figures
phase() {
  local target=$1 rate=$2 seconds=$3 label=$4 clients=$BARE_CLIENTS
  local service0 pg0 service1 pg1
  service0=$(ticks "$SERVICE_PID"); pg0=$(pg_ticks)
  ./mvnw -q -B -f bench/gatling/pom.xml gatling:test -Dbase="http://localhost:$PORT" -Dkey=$KEY \
    -Dtarget="$target" -Drate="$rate" -Dclients="$clients" -Dseconds="$seconds" -Dusers="$USERS" \
    >"$OUT/gatling-$label.log" 2>&1 \
    || { tail -30 "$OUT/gatling-$label.log"; exit 1; }
  service1=$(ticks "$SERVICE_PID"); pg1=$(pg_ticks)
  # Gatling's "Global Information": columns total | OK | KO; latencies of the OK requests
  awk -F'|' -v label="$label" -v seconds="$seconds" -v hz="$(getconf CLK_TCK)" \
      -v service=$((service1 - service0)) -v pg=$((pg1 - pg0)) '
    function num(v) { gsub(/[ ,]/, "", v); return v }
    /> request count/                 { total = num($2); ok = num($3); ko = num($4) + 0 }
    /found 503/                       { b = $0; sub(/.*found 503 +/, "", b); sub(/ .*/, "", b); busy = num(b) }
    /> response time 50th percentile/ { p50 = num($3) }
    /> response time 99th percentile/ { p99 = num($3) }
    /> mean throughput/               { rps = num($3) }
    END { per = ok > 0 ? 1000 / hz / ok : 0
          printf "%-12s requests %7d  failed %6d (503 busy %6d)  ok/s %8.1f  p50 %6s ms  p99 %6s ms  CPU ms/ok service %5.2f + PostgreSQL %5.2f\n",
                 label, total, ko, busy, rps, p50, p99, service * per, pg * per }' "$OUT/gatling-$label.log"
}

# one Gatling run of events: the warm-up, then the measured phase (bench/gatling Phases); CPU is
# read when the measured phase starts and ends (its markers), latency from the phase's own histogram
events() {
  local target=$1 dir="$PWD/$OUT/run-$target" service0 pg0 service1 pg1 busy0 busy1 all0 all1 jit0 jit1
  local run=$((WARMUP + SECONDS_ + 120))
  rm -rf "$dir" && mkdir -p "$dir"
  GATLING_LOG="$OUT/gatling-$target.log"
  ./mvnw -q -B -f bench/gatling/pom.xml gatling:test -Dbase="http://localhost:$PORT" -Dkey=$KEY \
    -Dtarget="$target" -Drate="$RATE" -Dusers="$USERS" -Dphases="warmup:$WARMUP,$target:$SECONDS_" \
    -Dout="$dir" >"$GATLING_LOG" 2>&1 &
  GATLING_PID=$!
  wait_until "phase $target" "$run" test -e "$dir/markers/$target"
  service0=$(ticks "$SERVICE_PID"); pg0=$(pg_ticks)
  read -r busy0 all0 < <(machine_ticks)
  jit0=$(jit_seconds)
  jfr_start
  statement_times_start
  wait_until "the end of $target" "$run" test -e "$dir/markers/end"
  service1=$(ticks "$SERVICE_PID"); pg1=$(pg_ticks)
  read -r busy1 all1 < <(machine_ticks)
  jit1=$(jit_seconds)
  jfr_stop
  wait "$GATLING_PID" || { tail -30 "$GATLING_LOG"; exit 1; }
  GATLING_PID=""
  # phases.txt: name seconds ok failed p50 p99 max
  awk -v target="$target" -v hz="$(getconf CLK_TCK)" -v service=$((service1 - service0)) \
      -v pg=$((pg1 - pg0)) -v gen=$(($(cat "$dir/markers/end") - $(cat "$dir/markers/$target"))) -v mbusy=$((busy1 - busy0)) -v mall=$((all1 - all0)) \
      -v jit="$(awk -v a="$jit0" -v b="$jit1" 'BEGIN { print b - a }')" -v busy="$(sed -n 's/.*found 503 *\([0-9,]*\).*/\1/p' "$OUT/gatling-$target.log" | tail -1 | tr -dc 0-9)" '
    $1 == target {
      per = $3 > 0 ? 1000 / hz / $3 : 0
      printf "%-12s requests %7d  failed %6d (503 busy in the run %6d)  ok/s %8.1f  p50 %6s ms  p99 %6s ms  max %6s ms  CPU ms/ok service %5.2f + PostgreSQL %5.2f\n",
             target, $3 + $4, $4, busy, $3 / $2, $5, $6, $7, service * per, pg * per
      printf "%-12s load generator CPU ms/request %5.2f; machine busy %3.0f %%; JIT compiling %.1f s of the phase\n",
             "", gen / 1e6 / ($3 + $4), 100 * mbusy / mall, jit }' "$dir/phases.txt"
  statement_times_report "$(awk -v target="$target" '$1 == target { print $3 }' "$dir/phases.txt")"
}

echo "service: $("$SERVICE_JAVA" -version 2>&1 | head -1), database $DB on $(own_postgres_describe), $USERS users, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for target in $PHASES; do
  if [[ $target == bare ]]; then
    phase bare "$RATE" "$WARMUP" warmup-bare >/dev/null
    jfr_start
    phase bare "$RATE" "$SECONDS_" bare
    jfr_stop
  else
    events "$target"
  fi
  jfr_summary
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); target: >= 2000 events/s with p99 <= 50 ms, and >= 0.5 x the bare ok/s"
