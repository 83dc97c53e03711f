# The service's JVM options for bench/end-to-end.sh and bench/intake.sh (sourced), and their
# optional profiles: BENCH_JFR=1 and BENCH_STATEMENTS=1.

# BENCH_JAVA_OPTS, by default the README's production setup (heap and collector); set it empty for
# the JVM's defaults. Then the recording's options, if any.
service_java_options() {
  echo "${BENCH_JAVA_OPTS--Xms1g -Xmx1g -XX:+UseParallelGC} $(jfr_options)"
}

# the recording runs from the start (a jcmd attach can take seconds on a busy machine); the summary
# keeps the samples taken between the first measured phase's start and the end
jfr_options() {
  [[ "${BENCH_JFR:-0}" == 1 ]] && echo "-XX:StartFlightRecording=name=e2e,settings=profile"
  return 0
}

jfr_start() { JFR_FROM=$(date +%T.%3N); }

jfr_stop() {
  JFR_TO=$(date +%T.%3N)
  [[ "${BENCH_JFR:-0}" == 1 ]] || return 0
  "$JDK_BIN/jcmd" "$SERVICE_PID" JFR.dump name=e2e filename="$OUT/service.jfr" >"$OUT/jfr.log" 2>&1
}

# top frames of the service's CPU samples while measuring: the leaf frame, its package, and the
# innermost frame of our own code (com.allthrive) on the stack
jfr_summary() {
  [[ "${BENCH_JFR:-0}" == 1 && -s "$OUT/service.jfr" ]] || return 0
  "$JDK_BIN/jfr" print --events jdk.ExecutionSample --stack-depth 96 "$OUT/service.jfr" >"$OUT/samples.txt"
  awk -v top="${BENCH_JFR_TOP:-15}" -v from="$JFR_FROM" -v to="$JFR_TO" '
    /startTime = / { t = $3; skip = (t < from || t > to) }
    function clean(f) { sub(/^[ \t]+/, "", f); sub(/[ \t]+line:.*/, "", f); return f }
    function pkg(f, parts, n, i, p) { n = split(f, parts, "."); p = parts[1]
      for (i = 2; i <= 3 && i < n - 1; i++) p = p "." parts[i]; return p }
    /stackTrace = \[/ && !skip { inStack = 1; depth = 0; own = ""; next }
    inStack && /^[ \t]*\]/ { inStack = 0; total++; ownFrames[own == "" ? "(no com.allthrive frame)" : own]++
      for (k in seen) delete seen[k]; next }
    inStack && /^[ \t]*\.\.\./ { next }
    inStack { f = clean($0); depth++
      if (depth == 1) { leaf[f]++; packages[pkg(f)]++ }
      m = f; sub(/\(.*/, "", m)
      if (!(m in seen) && m !~ /^(java|jdk|sun)\./) { seen[m] = 1; inclusive[m]++ }
      if (own == "" && f ~ /^com\.allthrive\./) own = f }
    function show(title, counts, k, n, i, j, keys, tmp) {
      print title; n = 0; for (k in counts) keys[++n] = k
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (counts[keys[j]] > counts[keys[i]]) { tmp = keys[i]; keys[i] = keys[j]; keys[j] = tmp }
      for (i = 1; i <= n && i <= top; i++) printf "  %5.1f %%  %s\n", 100 * counts[keys[i]] / total, keys[i] }
    END {
      printf "JFR: %d CPU samples of the service while measuring\n", total
      show("top leaf frames:", leaf); show("top leaf packages:", packages)
      show("innermost com.allthrive frame on the stack:", ownFrames)
      top = top * 3; show("methods on the stack (inclusive, JDK frames left out):", inclusive) }' "$OUT/samples.txt"
}

# BENCH_STATEMENTS=1: pg_stat_statements when the server has it loaded; else every statement of
# this database in the server log (log_statement=all, set on this database only)
prepare_statement_count() {
  if "${PSQL[@]}" -d "$DB" -c "create extension if not exists pg_stat_statements" \
    -c "select count(*) from pg_stat_statements" >/dev/null 2>&1; then
    STATEMENTS=pgss
    return
  fi
  PG_LOG=${BENCH_PG_LOG:-$(ls /var/log/postgresql/postgresql-*-main.log 2>/dev/null | head -1)}
  if [[ -r "$PG_LOG" ]]; then
    echo "pg_stat_statements is not loaded (shared_preload_libraries); counting statements in $PG_LOG" \
      "with log_statement=all on $DB: the CPU figures of this run are inflated by the logging"
    "${PSQL[@]}" -d postgres -c "alter database $DB set log_statement = 'all'"
    STATEMENTS=log
  else
    echo "pg_stat_statements is not loaded and the server log is not readable: statements not counted"
  fi
}

statements_snapshot() { # file
  # events taken in and messages sent so far, from the rows (statements write many rows each)
  "${PSQL[@]}" -F ' ' -d "$DB" -c "select (select count(*) from platform_event),
    (select count(*) from sms_message where sent_at is not null)" >"$1.rows"
  case "$STATEMENTS" in
    pgss) "${PSQL[@]}" -F $'\t' -d "$DB" -c "select queryid, calls, left(regexp_replace(query, '\s+', ' ', 'g'), 90)
      from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())" >"$1" ;;
    log) stat -c %s "$PG_LOG" >"$1" ;;
  esac
}

statements_start() { [[ -n "$STATEMENTS" ]] && statements_snapshot "$OUT/statements-start"; return 0; }
statements_stop() { [[ -n "$STATEMENTS" ]] && statements_snapshot "$OUT/statements-end"; return 0; }

statements_report() {
  [[ -n "$STATEMENTS" ]] || return 0
  local -
  set +o pipefail # tail ends with SIGPIPE once head has its bytes
  if [[ "$STATEMENTS" == pgss ]]; then
    awk -F'\t' 'FNR == NR { before[$1] = $2; next } { print $2 - before[$1] "\t" $3 }' \
      "$OUT/statements-start" "$OUT/statements-end" >"$OUT/statements.txt"
  else
    tail -c +"$(($(cat "$OUT/statements-start") + 1))" "$PG_LOG" | head -c "$(($(cat "$OUT/statements-end") - $(cat "$OUT/statements-start")))" |
      grep -a "@$DB LOG:  \(statement\|execute\)" |
      sed -E 's/.* LOG:  (statement|execute [^:]*): //' | cut -c1-90 | sort | uniq -c |
      awk '{ n = $1; $1 = ""; sub(/^ /, ""); print n "\t" $0 }' >"$OUT/statements.txt"
  fi
  local rows0 rows1
  read -r -a rows0 <"$OUT/statements-start.rows"
  read -r -a rows1 <"$OUT/statements-end.rows"
  sort -t$'\t' -k1,1nr "$OUT/statements.txt" | awk -F'\t' \
      -v events=$((rows1[0] - rows0[0])) -v sends=$((rows1[1] - rows0[1])) '
    { total += $1; count[NR] = $1; text[NR] = $2 }
    END { if (events == 0) { print "statements: no invitation taken in while counting"; exit }
      printf "statements per invitation, intake and dispatch: %.1f (%d statements from the first measured" \
        " phase until the outbox drained, %d invitations taken in, %d messages sent); most frequent, per invitation:\n",
        total / events, total, events, sends
      for (i = 1; i <= NR && i <= 20; i++) printf "  %6.2f  %s\n", count[i] / events, text[i] }'
}

# The intake's latency inside the service, split into the wait for a transaction and the transaction
# itself: histograms of http.server.requests, sms.events.wait and sms.events.commit, scraped when the
# first measured phase starts and when the last one ends. BENCH_SPLIT=0 leaves it out.
split_env() {
  [[ "${BENCH_SPLIT:-1}" == 1 ]] || return 0
  echo MANAGEMENT_METRICS_DISTRIBUTION_PERCENTILESHISTOGRAM_HTTP_SERVER_REQUESTS=true \
    MANAGEMENT_METRICS_DISTRIBUTION_PERCENTILESHISTOGRAM_SMS_EVENTS=true
}

split_scrape() { # start|end|later (later: read and thrown away)
  [[ "${BENCH_SPLIT:-1}" == 1 ]] || return 0
  curl -fs -H "X-Api-Key: bench-admin-key" "http://localhost:$PORT/actuator/prometheus" \
    >"$OUT/metrics-$1" || true
}

split_scraper() { # scrapes every 10 s until killed
  while sleep 10; do split_scrape later; done
}

split_quantiles() { # label metric filter: p50 and p99 (upper bucket bounds) between the scrapes
  awk -v label="$1" -v name="$2_bucket{" -v filter="$3" '
    index($0, name) == 1 && index($0, filter) {
      match($0, /le="[^"]+"/); le = substr($0, RSTART + 4, RLENGTH - 5)
      if (FILENAME == ARGV[1]) a[le] += $NF; else b[le] += $NF }
    END { n = 0
      for (le in b) { keys[++n] = le; num[le] = (le == "+Inf") ? 1e300 : le + 0 }
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
        if (num[keys[j]] < num[keys[i]]) { t = keys[i]; keys[i] = keys[j]; keys[j] = t }
      total = b["+Inf"] - a["+Inf"]; if (total <= 0) exit
      printf "  %-44s %8d", label, total
      split("0.5 0.99", qs, " ")
      for (q = 1; q <= 2; q++) for (i = 1; i <= n; i++)
        if (b[keys[i]] - a[keys[i]] >= qs[q] * total) { printf "  p%g <= %.1f ms", qs[q] * 100, num[keys[i]] * 1000; break }
      print "" }' "$OUT/metrics-start" "$OUT/metrics-end"
}

split_report() {
  [[ "${BENCH_SPLIT:-1}" == 1 && -s "$OUT/metrics-start" && -s "$OUT/metrics-end" ]] || return 0
  echo "inside the service, while measuring (histogram buckets: each figure is the bucket's upper bound):"
  split_quantiles "POST /api/v1/events answered 202" http_server_requests_seconds \
    'status="202",uri="/api/v1/events"'
  split_quantiles "wait of an event for its transaction" sms_events_wait_seconds ""
  split_quantiles "transaction of a batch of events" sms_events_commit_seconds ""
}

# bench/intake.sh with BENCH_STATEMENTS=1: the statements that took most of PostgreSQL's time in a
# measured phase (pg_stat_statements, reset when the phase starts; executor and planner time, both
# of which include waits for locks and for a core). Statements of one shape with different numbers
# of rows are one line.
statement_times_start() {
  [[ "${BENCH_STATEMENTS:-0}" == 1 ]] || return 0
  psql -X -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DB" -c "create extension if not exists pg_stat_statements" \
    -c "select pg_stat_statements_reset()" >/dev/null 2>&1 \
    || echo "pg_stat_statements is not loaded (shared_preload_libraries): statement times not measured"
}

statement_times_report() { # events taken in during the phase
  [[ "${BENCH_STATEMENTS:-0}" == 1 ]] || return 0
  local -
  set +o pipefail # without pg_stat_statements there is nothing to print
  psql -X -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DB" -At -F $'\t' -c "
    with s as (select calls, rows, total_exec_time e, total_plan_time p,
        left(regexp_replace(regexp_replace(query, '\s+', ' ', 'g'), '\\\$[0-9]+', '?', 'g'), 70) shape
      from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database()))
    select sum(calls), sum(rows), round(sum(e)), round(sum(p)), shape from s group by shape
    union all select sum(calls), sum(rows), round(sum(e)), round(sum(p)), '(all)' from s
    order by 3 desc limit 13" 2>/dev/null | awk -F'\t' -v events="$1" '
    events == 0 { exit }
    NR == 1 { printf "%12s statements: calls, rows, executor + planner ms per event taken in:\n", "" }
    { printf "%12s %7.2f %7.2f %6.3f + %6.3f  %s\n", "", $1 / events, $2 / events, $3 / events, $4 / events, $5 }'
}
