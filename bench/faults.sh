#!/usr/bin/env bash
# Fault scenarios at full size: the packaged jar as real processes (two instances on one fresh
# PostgreSQL schema), a fake Twilio answering after a set latency, and five faults played in turn:
# Redis down, PostgreSQL connections ended during load, a provider outage (500s, then requests
# held past the client timeout), SIGTERM of one instance during load, kill -9 of one of two
# instances mid-dispatch. Each prints its counts per message at the fake (lost, duplicated,
# reconciled, requests per message) with the load average.
#
#   bench/faults.sh [MESSAGES] [OUTAGE_SECONDS]      defaults: 5000 messages, 120 s outage
#
# It runs the same test as CI (FaultScenariosIT, which runs about 200 messages and a 15 s
# outage) with the full size passed as system properties. Needs Java 17+, the local PostgreSQL
# (database `test`, user postgres, trust auth) and `redis-server` on the PATH (the scenarios start
# their own on a free port; the Redis on 6379 is not touched). SKIP_BUILD=1 reuses target/*.jar;
# FAULTS_LATENCY_MS (200) and FAULTS_THREADS (100 dispatch threads per instance) tune the load.
# Service logs go to target/faults/, the counts to bench/out/faults.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

MESSAGES=${1:-5000}
OUTAGE=${2:-120}
OUT=bench/out
mkdir -p "$OUT"

goals=(verify)
if [ -n "${SKIP_BUILD:-}" ]; then
  goals=(failsafe:integration-test failsafe:verify)
fi

echo "== $(date -u +%FT%TZ) fault scenarios: $MESSAGES messages, ${OUTAGE} s outage, $(nproc) cores," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/faults.txt"
set +e
CI=true ./mvnw -B "${goals[@]}" \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=FaultScenariosIT -Djacoco.skip=true -Dspotless.check.skip=true \
  -Dfaults.messages="$MESSAGES" -Dfaults.outage-seconds="$OUTAGE" \
  -Dfaults.latency-ms="${FAULTS_LATENCY_MS:-200}" -Dfaults.threads="${FAULTS_THREADS:-100}" \
  >"$OUT/faults-maven.log" 2>&1
status=$?
set -e
grep -h '^FAULTS' "$OUT/faults-maven.log" target/failsafe-reports/*FaultScenariosIT-output.txt \
  2>/dev/null | awk '!seen[$0]++' | tee -a "$OUT/faults.txt" || true
if [ $status -ne 0 ]; then
  grep -E 'Tests run|FAIL|expected|Expecting' "$OUT/faults-maven.log" | head -40
  echo "fault scenarios failed (exit $status); see $OUT/faults-maven.log and target/faults/" >&2
fi
exit $status
