#!/usr/bin/env bash
# Dispatch benchmark: how many SMS per second the service hands to a provider that answers after
# a fixed latency, and how much CPU the service spends per message.
#
#   bench/dispatch.sh [MESSAGES] [LATENCY_MS...]      default: 3000 messages at 0 and 200 ms
#   e.g. bench/dispatch.sh 3000 0 200
#
# For each latency it starts a fake Twilio (bench/FakeProvider.java, JDK HttpServer answering
# POST .../Messages.json with 201 after the latency), a fresh PostgreSQL database (sms_bench on
# localhost:5432, user postgres) and the service jar with the prod profile and SMS_PROVIDER=twilio
# pointed at the fake. It warms the service up, inserts MESSAGES pending rows and their
# sms-dispatch executions directly into the outbox tables, waits until all are sent, and prints:
#   - messages/s from the first send to the last one (and from the insert, including the first poll)
#   - CPU time of the service JVM per message (utime+stime from /proc/<pid>/stat)
# Needs Java 17+, psql, the local PostgreSQL and Redis (6379). SKIP_BUILD=1 reuses target/*.jar;
# JAVA=/path/to/bin/java runs the service on another JDK (on 21+ dispatch uses virtual threads);
# JAVA_OPTS ("-Xms1g -Xmx1g -XX:+UseParallelGC", the README's production setup) its options.
# Tuning knobs passed through: SMS_DISPATCH_THREADS, DB_POOL_SIZE. Logs go to bench/out/.
# WARMUP (20000) messages are sent before measuring: with 600, the measured CPU per message was
# about twice the steady state's, most of it the JIT compiling the send path.
# The machine's load average is printed with each result: other processes skew the figures.
#
# BENCH_MODE=priority measures instead how long a verification code waits behind bulk sends: it
# queues MESSAGES (default 10000) low-priority challenge reminders for the poller, waits until 200
# of them are sent, then queues one high-priority code the same way, and prints the time from the
# code's insert until the fake provider answered it, and how many reminders were sent meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=${BENCH_MODE:-throughput}
DEFAULT_MESSAGES=3000
[ "$MODE" = priority ] && DEFAULT_MESSAGES=10000
MESSAGES=${1:-$DEFAULT_MESSAGES}
shift || true
LATENCIES=("$@")
[ ${#LATENCIES[@]} -eq 0 ] && LATENCIES=(0 200)
WARMUP=${WARMUP:-20000}
FAKE_PORT=${FAKE_PORT:-18099}
APP_PORT=${APP_PORT:-18080}
DB=${BENCH_DB:-sms_bench}
JAVA=${JAVA:-java}
OUT=bench/out
PSQL=(psql -h localhost -U postgres -v ON_ERROR_STOP=1 -qAt)
mkdir -p "$OUT"

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "building the service jar..."
  ./mvnw -q -B -DskipTests package
fi
JAR=$(ls target/allthrive-sms-*.jar | grep -v plain | head -1)

FAKE_PID=""
APP_PID=""
stop() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -n "$FAKE_PID" ] && kill "$FAKE_PID" 2>/dev/null && wait "$FAKE_PID" 2>/dev/null || true
  APP_PID=""
  FAKE_PID=""
}
trap stop EXIT

wait_for() { # url seconds
  for _ in $(seq 1 $(( $2 * 4 ))); do
    curl -fs -o /dev/null "$1" && return 0
    sleep 0.25
  done
  echo "timed out waiting for $1" >&2
  return 1
}

start_fake() {
  java bench/FakeProvider.java "$FAKE_PORT" "$1" >"$OUT/fake-$1ms.log" 2>&1 &
  FAKE_PID=$!
  for _ in $(seq 1 120); do
    curl -s -o /dev/null -X POST "http://127.0.0.1:$FAKE_PORT/ping" && return 0
    sleep 0.25
  done
  echo "fake provider did not start" >&2
  return 1
}

fresh_database() {
  "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
}

start_service() {
  SPRING_PROFILES_ACTIVE=prod \
  SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:5432/$DB" \
  SPRING_DATASOURCE_USERNAME=postgres \
  REDIS_URL=redis://localhost:6379 \
  SERVER_PORT="$APP_PORT" \
  PUBLIC_BASE_URL="http://localhost:$APP_PORT" \
  FRONTEND_URL=https://allthrive.example \
  SMS_PROVIDER=twilio \
  TWILIO_ACCOUNT_SID=AC00000000000000000000000000000000 \
  TWILIO_AUTH_TOKEN=bench-auth-token \
  TWILIO_PHONE_NUMBER=+15005550006 \
  TWILIO_API_BASE_URL="http://127.0.0.1:$FAKE_PORT" \
  SMS_SECRET_KEY=bench-secret-key-of-at-least-32-characters \
  JWT_SECRET=bench-jwt-secret-of-at-least-32-bytes-long \
  PLATFORM_API_KEY=bench-platform-key \
  ADMIN_API_KEY=bench-admin-key \
  "$JAVA" ${JAVA_OPTS--Xms1g -Xmx1g -XX:+UseParallelGC} -jar "$JAR" >"$OUT/service-$1ms.log" 2>&1 &
  APP_PID=$!
  wait_for "http://localhost:$APP_PORT/actuator/health" 180
}

enqueue() { # count prefix area-code [type priority weight]
  local type=${4:-achievement_unlock} priority=${5:-normal} weight=${6:-1}
  # every message goes to a verified user with an opt-in and preferences, so the send-time checks
  # (opt-out, consent, category, recipient and number) run in full and pass
  "${PSQL[@]}" -d "$DB" <<SQL
begin;
insert into account (user_id, username, timezone, phone_number, phone_verified, phone_verified_at,
  verified_phone, created_at, updated_at)
select '$2-u' || i, 'bench' || i, 'UTC', '+1$3' || lpad(i::text, 7, '0'), true, now(),
  '+1$3' || lpad(i::text, 7, '0'), now(), now()
from generate_series(1, $1) as i
on conflict do nothing;
insert into sms_preferences (user_id, updated_at)
select user_id, now() from account where user_id like '$2-u%' on conflict do nothing;
insert into consent_ledger (phone_number, user_id, action, method, occurred_at)
select phone_number, user_id, 'opt_in', 'web', now() from account where user_id like '$2-u%';
insert into sms_message (idempotency_key, recipient_user_id, to_phone, message_type, body, status,
  provider, segments, encoding, estimated_cost, attempts, next_attempt_at, priority, created_at,
  expires_at, updated_at)
select '$2:' || i, '$2-u' || i, '+1$3' || lpad(i::text, 7, '0'), '$type',
  'Benchmark message ' || i || ' from the AllThrive SMS service', 'pending', 'twilio', 1, 'GSM-7',
  0.0083, 0, clock_timestamp(), '$priority', clock_timestamp(), clock_timestamp() + interval '1 hour',
  clock_timestamp()
from generate_series(1, $1) as i;
insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version, priority)
select 'sms-dispatch', id::text, clock_timestamp(), false, 1, $weight
from sms_message where idempotency_key like '$2:%';
commit;
SQL
}

wait_sent() { # count prefix
  for _ in $(seq 1 1200); do
    done=$("${PSQL[@]}" -d "$DB" -c "select count(*) from sms_message where idempotency_key like '$2:%' and status <> 'pending' and status <> 'sending'")
    [ "$done" -ge "$1" ] && return 0
    sleep 0.5
  done
  echo "timed out: $done of $1 done" >&2
  return 1
}

cpu_ticks() {
  awk '{print $14 + $15}' "/proc/$APP_PID/stat"
}

report() { # latency count prefix ticks
  local hz stats
  hz=$(getconf CLK_TCK)
  stats=$("${PSQL[@]}" -F ' ' -d "$DB" -c "select count(*) filter (where status = 'sent'),
      extract(epoch from max(sent_at) - min(send_started_at)),
      extract(epoch from max(sent_at) - min(created_at)),
      max(attempts)
    from sms_message where idempotency_key like '$3:%'")
  read -r sent busy total attempts <<<"$stats"
  awk -v lat="$1" -v n="$2" -v sent="$sent" -v busy="$busy" -v total="$total" -v ticks="$4" \
      -v hz="$hz" -v attempts="$attempts" 'BEGIN {
    printf "latency %4d ms: %d/%d sent (max attempts %d) | %.0f msg/s first send->last (%.2f s) | %.0f msg/s insert->last (%.2f s) | CPU %.3f ms/msg\n",
      lat, sent, n, attempts, sent / busy, busy, sent / total, total, ticks * 1000 / hz / n }' | tee -a "$OUT/results.txt"
  echo "                 machine load average during the run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/results.txt"
}

priority_report() { # latency count
  local stats
  stats=$("${PSQL[@]}" -F ' ' -d "$DB" -c "select
      extract(epoch from u.sent_at - u.created_at),
      extract(epoch from u.send_started_at - u.created_at),
      (select count(*) from sms_message b where b.idempotency_key like 'bulk:%'
        and b.send_started_at > u.created_at and b.send_started_at < u.send_started_at)
    from sms_message u where u.idempotency_key = 'urgent:1'")
  read -r answered started ahead <<<"$stats"
  awk -v lat="$1" -v n="$2" -v a="$answered" -v s="$started" -v ahead="$ahead" 'BEGIN {
    printf "priority, latency %4d ms: code queued after %d reminders answered by the provider %.3f s after its insert (send started at %.3f s); %d reminders were sent between its insert and its send\n",
      lat, n, a, s, ahead }' | tee -a "$OUT/results.txt"
  echo "                 machine load average during the run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/results.txt"
}

priority_run() { # latency
  enqueue "$MESSAGES" "bulk" 202 challenge_reminder low 0 >/dev/null
  # the code comes while the reminders are being sent: the poller already holds a batch of them
  wait_sent 200 "bulk"
  enqueue 1 "urgent" 204 phone_verification high 2 >/dev/null
  wait_sent 1 "urgent"
  priority_report "$1" "$MESSAGES"
}

echo "== $(date -u +%FT%TZ) $MODE, $MESSAGES messages, latencies ${LATENCIES[*]} ms, $(nproc) cores," \
  "$("$JAVA" -version 2>&1 | head -1)" | tee -a "$OUT/results.txt"
for latency in "${LATENCIES[@]}"; do
  start_fake "$latency"
  fresh_database
  start_service "$latency"
  enqueue "$WARMUP" "warmup" 203 >/dev/null
  wait_sent "$WARMUP" "warmup"
  if [ "$MODE" = priority ]; then
    priority_run "$latency"
    stop
    continue
  fi
  before=$(cpu_ticks)
  enqueue "$MESSAGES" "run" 202 >/dev/null
  wait_sent "$MESSAGES" "run"
  after=$(cpu_ticks)
  report "$latency" "$MESSAGES" "run" $(( after - before ))
  stop
done
