#!/usr/bin/env bash
# Start time and memory of the packaged service: plain, with Spring Boot's CDS archive, and with the
# CDS archive and the AOT-processed bean definitions (-Dspring.aot.enabled=true; README "Faster
# start").
# usage: bench/startup.sh [runs]          (default 3 runs each; JAVA=/path/to/java to pick a JDK)
# Prints Spring's own "Started ... in X s", the RSS once started, and the load average next to
# each figure. Uses the embedded defaults (H2 in a fresh temporary folder, console provider, demo
# mode) and its own ports (18181+), so it does not disturb anything else.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
JAVA=${JAVA:-java}
JAR=$(ls target/allthrive-sms-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [[ -z "$JAR" || "${BENCH_BUILD:-0}" == 1 ]]; then
  ./mvnw -q -B package -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true
  JAR=$(ls target/allthrive-sms-*.jar | grep -v plain | head -1)
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# One start: prints the started line, RSS and load; stops the service again.
measure() {
  local dir=$WORK/data-$RANDOM port=$((18181 + RANDOM % 800)) log=$WORK/run.log pid rss
  SMS_DATA_DIR=$dir SERVER_PORT=$port "$JAVA" "$@" > "$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do grep -q "Started SmsApplication" "$log" && break; sleep 0.2; done
  sleep 1
  rss=$(ps -o rss= -p "$pid")
  echo "  $(grep -o 'Started SmsApplication in [0-9.]* seconds' "$log" || echo 'did not start')," \
    "RSS $((rss / 1024)) MB, load $(cut -d' ' -f1-3 /proc/loadavg)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "JDK: $("$JAVA" -version 2>&1 | head -1)"
echo "Without CDS (java -jar $JAR):"
for _ in $(seq 1 "$RUNS"); do measure -jar "$JAR"; done

# Spring Boot's CDS support: extract the jar, one training run that writes the archive at exit
# (the context refreshes, then the JVM exits), then start with the archive.
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" > /dev/null
APP=$WORK/app/$(basename "$JAR")
SMS_DATA_DIR=$WORK/training SERVER_PORT=18180 "$JAVA" -XX:ArchiveClassesAtExit="$WORK/app/app.jsa" \
  -Dspring.context.exit=onRefresh -jar "$APP" > "$WORK/training.log" 2>&1
echo "With CDS (extracted jar, -XX:SharedArchiveFile):"
for _ in $(seq 1 "$RUNS"); do measure -XX:SharedArchiveFile="$WORK/app/app.jsa" -jar "$APP"; done

# The same with the ahead-of-time bean definitions the build generates: its own archive, trained
# with them, since the classes loaded differ.
SMS_DATA_DIR=$WORK/training-aot SERVER_PORT=18180 "$JAVA" -Dspring.aot.enabled=true \
  -XX:ArchiveClassesAtExit="$WORK/app/aot.jsa" -Dspring.context.exit=onRefresh -jar "$APP" \
  > "$WORK/training-aot.log" 2>&1
echo "With CDS and AOT (-XX:SharedArchiveFile -Dspring.aot.enabled=true):"
for _ in $(seq 1 "$RUNS"); do
  measure -XX:SharedArchiveFile="$WORK/app/aot.jsa" -Dspring.aot.enabled=true -jar "$APP"
done
