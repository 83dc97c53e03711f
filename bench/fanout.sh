#!/usr/bin/env bash
# Benchmark of a challenge reminder's fan-out (not a test).
#
#   bench/fanout.sh [participants]            e.g. bench/fanout.sh 100000
#
# Creates a fresh PostgreSQL database with `participants` verified users, starts the packaged
# service on it with its heap capped (-Xmx512m; BENCH_HEAP to change), PUTs one challenge with all
# of them as participants and a deadline 1 hour + BENCH_FIRE_DELAY seconds (30) away, so that only
# its 1-hour reminder is scheduled, due BENCH_FIRE_DELAY seconds later. Then measures the time from
# the reminder's moment until every participant's decision is recorded and every queued message
# is written, and samples the service's used heap (jstat, every 250 ms) for its peak. The console
# provider sends the texts meanwhile, as it would in production.
#
# Environment: BENCH_FANOUT_PORT (18282), BENCH_JAVA (java for the service; default the newest JDK
# 21+ under /usr/lib/jvm), BENCH_HEAP (512m), BENCH_FIRE_DELAY (30), BENCH_BUILD=1 (rebuild the
# jar), BENCH_SERVICE_ENV (extra VAR=value settings), PGHOST/PGPORT/PGUSER. Needs psql, curl,
# python3 and a JDK with jstat.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-100000}
PORT=${BENCH_FANOUT_PORT:-18282}
HEAP=${BENCH_HEAP:-512m}
FIRE_DELAY=${BENCH_FIRE_DELAY:-30}
PGHOST=${PGHOST:-localhost}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
DB="bench_fanout_$$"
OUT=bench/target/fanout
JAR=$(ls target/allthrive-sms-*.jar 2>/dev/null | grep -v original | head -1 || true)
SERVICE_JAVA=${BENCH_JAVA:-$(ls -d /usr/lib/jvm/*-2[1-9]*/bin/java 2>/dev/null | sort -t- -k2 -V | tail -1 || true)}
SERVICE_JAVA=${SERVICE_JAVA:-java}
JSTAT="$(dirname "$SERVICE_JAVA")/jstat"
[[ -x "$JSTAT" ]] || JSTAT=jstat
KEY="bench-platform-key"

if [[ -z "$JAR" || "${BENCH_BUILD:-0}" == 1 ]]; then
  ./mvnw -q -B -DskipTests package
  JAR=$(ls target/allthrive-sms-*.jar | grep -v original | head -1)
fi
mkdir -p "$OUT"
if curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1; then
  echo "port $PORT is already in use; set BENCH_FANOUT_PORT" >&2
  exit 1
fi
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "create database $DB" >/dev/null
SERVICE_PID=""
JSTAT_PID=""
cleanup() {
  if [[ -n "$JSTAT_PID" ]]; then kill "$JSTAT_PID" 2>/dev/null || true; fi
  if [[ -n "$SERVICE_PID" ]]; then kill "$SERVICE_PID" 2>/dev/null || true; wait "$SERVICE_PID" 2>/dev/null || true; fi
  psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "drop database if exists $DB" >/dev/null || true
}
trap cleanup EXIT
trap "exit 130" INT TERM

env SERVER_PORT=$PORT SMS_DEMO=false SMS_PROVIDER=console \
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME=$PGUSER \
  DB_SCHEDULER_POLLING_STRATEGY=lock_and_fetch ${BENCH_SERVICE_ENV:-} \
  PLATFORM_API_KEY=$KEY ADMIN_API_KEY=bench-admin-key JWT_SECRET=bench-jwt-secret-of-at-least-thirty-two-bytes \
  SMS_SECRET_KEY=bench-secret-key-of-at-least-thirty-two-characters \
  LOGGING_LEVEL_COM_ALLTHRIVE_SMS_DELIVERY=WARN \
  "$SERVICE_JAVA" -Xmx"$HEAP" -jar "$JAR" >"$OUT/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$SERVICE_PID" 2>/dev/null || { tail -40 "$OUT/service.log"; exit 1; }
  sleep 1
done

PSQL="psql -h $PGHOST -p $PGPORT -U $PGUSER -d $DB -qtA"
$PSQL -v users="$N" -f bench/seed-users.sql >/dev/null
NOW=$(date -u +%s)
FIRE=$((NOW + FIRE_DELAY))
DEADLINE=$(date -u -d "@$((FIRE + 3600))" +%Y-%m-%dT%H:%M:%SZ)
python3 - "$N" "$DEADLINE" >"$OUT/challenge.json" <<'PY'
import json, sys
n, deadline = int(sys.argv[1]), sys.argv[2]
print(json.dumps({"title": "Prompt Week", "challenge_url": "https://allthrive.ai/challenges/bench",
                  "deadline": deadline, "participant_ids": ["u%d" % i for i in range(1, n + 1)]}))
PY
PUT_START=$(date +%s.%N)
curl -fsS -X PUT "http://localhost:$PORT/api/v1/platform/challenges/bench" -H "X-Api-Key: $KEY" \
  -H 'Content-Type: application/json' --data-binary @"$OUT/challenge.json" -o "$OUT/put.json"
PUT_END=$(date +%s.%N)
echo "service: $("$SERVICE_JAVA" -version 2>&1 | head -1), heap -Xmx$HEAP, database $DB, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "PUT of $N participants: $(echo "$PUT_END - $PUT_START" | bc) s; 1-hour reminder due at $(date -u -d "@$FIRE" +%T)"
(( $(date +%s) < FIRE )) || { echo "the PUT took longer than BENCH_FIRE_DELAY; raise it" >&2; exit 1; }

# used heap in KB (survivors + eden + old), one sample per line
"$JSTAT" -gc "$SERVICE_PID" 250 | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
  { print $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]; fflush() }' >"$OUT/heap.txt" &
JSTAT_PID=$!

# CPU seconds (user + system) of the service, and of the database's backends serving it
TICK=$(getconf CLK_TCK)
cpu_of() { for pid in "$@"; do cat "/proc/$pid/stat" 2>/dev/null; done |
  awk -v t="$TICK" '{ sub(/^.*\) /, ""); s += $12 + $13 } END { printf "%.1f", s / t }'; }
backends() { psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qtA -c "select pid from pg_stat_activity
  where datname = '$DB' and pid <> pg_backend_pid()"; }
SERVICE_CPU0=$(cpu_of "$SERVICE_PID")
DB_CPU0=$(cpu_of $(backends))

DONE=""
while [[ -z "$DONE" ]]; do
  sleep 0.25
  read -r decisions messages < <($PSQL -F ' ' -c "select (select count(*) from notification_decision
    where message_type = 'challenge_reminder'), (select count(*) from sms_message
    where message_type = 'challenge_reminder')")
  if (( decisions >= N )); then DONE=$(date +%s.%N); fi
  (( $(date +%s) < FIRE + 900 )) || { echo "not done after 15 minutes: $decisions decisions" >&2; exit 1; }
done
SERVICE_CPU=$(echo "$(cpu_of "$SERVICE_PID") - $SERVICE_CPU0" | bc)
DB_CPU=$(echo "$(cpu_of $(backends)) - $DB_CPU0" | bc)
kill "$JSTAT_PID" 2>/dev/null || true
JSTAT_PID=""
queued=$($PSQL -c "select count(*) from notification_decision where message_type = 'challenge_reminder'
  and outcome in ('queued', 'deferred')")
PEAK_KB=$(sort -n "$OUT/heap.txt" | tail -1)
printf 'decisions %d (queued %d, messages %d) in %.1f s after the reminder was due; peak used heap %.0f MB\n' \
  "$decisions" "$queued" "$messages" "$(echo "$DONE - $FIRE" | bc)" "$(echo "${PEAK_KB:-0} / 1024" | bc -l)"
echo "CPU from the PUT's answer until done: service $SERVICE_CPU s, database backends $DB_CPU s (dispatch of the texts sent meanwhile included)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); target: every decision recorded and queued within 20 s, heap capped at 512 MB"
