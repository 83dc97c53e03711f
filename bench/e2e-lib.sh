# Functions of bench/end-to-end.sh and bench/intake.sh (sourced; they use the script's variables).

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# utime + stime of a process, in clock ticks (0 once it is gone)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# ticks of the whole machine: "busy total"
machine_ticks() { awk '/^cpu / {t = 0; for (i = 2; i <= NF; i++) t += $i; print t - $5 - $6, t}' /proc/stat; }

kill_tree() {
  local pid=${1:-} child
  [[ -z "$pid" ]] && return 0
  for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do kill_tree "$child"; done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

wait_until() { # label seconds command...
  local label=$1 seconds=$2
  shift 2
  for _ in $(seq 1 $((seconds * 5))); do
    "$@" >/dev/null 2>&1 && return 0
    if [[ -n "$SERVICE_PID" ]] && ! kill -0 "$SERVICE_PID" 2>/dev/null; then
      echo "the service stopped:" >&2; tail -40 "$OUT/service.log" >&2; exit 1
    fi
    if [[ -n "$GATLING_PID" ]] && ! kill -0 "$GATLING_PID" 2>/dev/null; then
      echo "the load generator stopped:" >&2; tail -40 "${GATLING_LOG:-$OUT/gatling.log}" >&2; exit 1
    fi
    sleep 0.2
  done
  echo "timed out waiting for $label" >&2
  exit 1
}

# the background processes every database shares (WAL writer, checkpointer, background writer)
pg_shared_ticks() {
  local total=0 pid
  for pid in $(ps -eo pid=,args= | awk '/postgres: .*(walwriter|checkpointer|background writer)/ {print $1}'); do
    total=$((total + $(ticks "$pid")))
  done
  echo "$total"
}

# one line: epoch sent backlog failed service-ticks pg-shared-ticks 201s load1; then the ticks of
# each PostgreSQL backend of the database in <file>.pg. Nothing here queries the database: a
# sample is taken while the load runs, and a scan of sms_message then would slow the very requests
# being measured (it showed as a p99 spike at the start of each phase). The three counts are left
# as "?" and read afterwards, as of the sample's moment, from the rows' timestamps (counts_at).
sample() {
  local file="$OUT/samples/$1" pid
  for pid in $(ps -eo pid=,args= | awk -v db=" $DB " 'index($0, "postgres: ") && index($0, db) {print $1}'); do
    echo "$pid $(ticks "$pid")"
  done >"$file.pg"
  echo "$(date +%s.%N) ? ? ? $(ticks "$SERVICE_PID") $(pg_shared_ticks) $(curl -fs "http://127.0.0.1:$FAKE_PORT/served" || echo 0) $(cut -d' ' -f1 /proc/loadavg)" >"$file"
}

# fills in a sample's counts as of its moment: rows sent by then, queued and not yet sent or ended
# (the backlog), and ended otherwise
counts_at() {
  local file="$OUT/samples/$1" line t ended counts
  read -r -a line <"$file"
  [[ "${line[1]}" == "?" ]] || return 0
  t="to_timestamp(${line[0]})"
  ended="status in ('failed', 'canceled', 'expired', 'undelivered') and updated_at <= $t"
  counts=$("${PSQL[@]}" -F ' ' -d "$DB" -c "select
      count(*) filter (where status = 'sent' and sent_at <= $t),
      count(*) filter (where created_at <= $t and (sent_at is null or sent_at > $t) and not ($ended)),
      count(*) filter (where $ended)
    from sms_message")
  echo "${line[0]} $counts ${line[*]:4}" >"$file"
}

# PostgreSQL backend ticks spent between two samples (backends that appeared count in full)
pg_ticks_between() {
  awk 'FNR == NR { before[$1] = $2; next } { total += $2 - ($1 in before ? before[$1] : 0) } END { print total + 0 }' \
    "$OUT/samples/$1.pg" "$OUT/samples/$2.pg"
}

# prints: seconds sent 201s service-ms pg-ms pg-shared-ms backlog failed load (from sample $1 to $2)
between() {
  local a b
  counts_at "$1"
  counts_at "$2"
  read -r -a a <"$OUT/samples/$1"
  read -r -a b <"$OUT/samples/$2"
  awk -v t0="${a[0]}" -v t1="${b[0]}" -v s0="${a[1]}" -v s1="${b[1]}" -v f0="${a[6]}" -v f1="${b[6]}" \
    -v c0="${a[4]}" -v c1="${b[4]}" -v g0="${a[5]}" -v g1="${b[5]}" -v pg="$(pg_ticks_between "$1" "$2")" \
    -v hz="$HZ" -v backlog="${b[2]}" -v failed="${b[3]}" -v ld="${b[7]}" 'BEGIN {
      printf "%.3f %d %d %.1f %.1f %.1f %d %d %s\n", t1 - t0, s1 - s0, f1 - f0, (c1 - c0) * 1000 / hz,
        pg * 1000 / hz, (g1 - g0) * 1000 / hz, backlog, failed, ld }'
}

report_phases() {
  local i name line
  printf '%-9s %8s %6s %6s %6s %6s | %8s %8s | %10s %9s %9s | %7s %6s %5s\n' phase accepted/s \
    failed p50ms p99ms maxms sent/s 201/s service-ms pg-ms pg-shared backlog failed load1
  : >"$OUT/report.txt"
  for ((i = 0; i < ${#NAMES[@]} - 1; i++)); do
    name=${NAMES[$i]}
    line=$(grep "^$name " "$OUT/phases.txt")
    echo "$line $(between "$i-$name" "$((i + 1))-${NAMES[$((i + 1))]}")" >>"$OUT/report.txt"
  done
  # columns: name seconds ok ko p50 p99 max | wall sent 201s svc-ms pg-ms shared-ms backlog failed load
  awk '{
      sent = $9; per = sent > 0 ? sent : 1
      printf "%-9s %8.1f %6d %6d %6d %6d | %8.1f %8.1f | %10.3f %9.3f %9.3f | %7d %6d %5s\n",
        $1, $3 / $2, $4, $5, $6, $7, sent / $8, $10 / $8, $11 / per, $12 / per, $13 / per, $14, $15, $16
    }' "$OUT/report.txt"
  read -r E2E_RATE ACCEPTED_RATE SVC_MS PG_MS P99_MAX <<<"$(awk 'NR > 1 {
      secs += $2; ok += $3; wall += $8; sent += $9; svc += $11; pg += $12; if ($6 > p99) p99 = $6 }
    END { per = sent > 0 ? sent : 1; printf "%.1f %.1f %.3f %.3f %d\n", sent / wall, ok / secs, svc / per, pg / per, p99 }' \
    "$OUT/report.txt")"
  echo "measured (after the warm-up): $ACCEPTED_RATE accepted events/s, $E2E_RATE msgs/s end to end (rows sent)," \
    "CPU per message: service $SVC_MS ms + PostgreSQL $PG_MS ms; highest p99 intake $P99_MAX ms"
  echo "(pg-shared: WAL writer, checkpointer and background writer, shared with every other database on this server)"
}

drain() {
  local started=$SECONDS backlog t_from t_to
  for _ in $(seq 1 600); do
    backlog=$("${PSQL[@]}" -d "$DB" -c "select count(*) from sms_message where status in ('pending', 'sending')" || echo unknown)
    [[ "$backlog" == 0 ]] && break
    sleep 1
  done
  echo "outbox drained $((SECONDS - started)) s after the load ended (backlog left: $backlog)"
  # from the first measured phase until drained: the CPU of every message's whole path, also when
  # the backlog grew while measuring (then the per-phase figures divide intake work by fewer sends)
  sample drained
  read -r SVC_MS PG_MS drained_sent drained_secs <<<"$(between "1-${NAMES[1]}" drained |
    awk '{ per = $2 > 0 ? $2 : 1; printf "%.3f %.3f %d %.1f\n", $4 / per, $5 / per, $2, $1 }')"
  echo "CPU per message from the first measured phase until drained: service $SVC_MS ms + PostgreSQL" \
    "$PG_MS ms ($drained_sent sent in $drained_secs s; the ceiling's CPU ratio uses these)"
  read -r t_from _ <"$OUT/samples/1-${NAMES[1]}"
  read -r t_to _ <"$OUT/samples/$((${#NAMES[@]} - 1))-end"
  "${PSQL[@]}" -F ' ' -d "$DB" -c "select count(*), count(*) filter (where status = 'sent'),
      round(1000 * extract(epoch from percentile_cont(0.5) within group (order by sent_at - created_at))::numeric, 1),
      round(1000 * extract(epoch from percentile_cont(0.99) within group (order by sent_at - created_at))::numeric, 1),
      round(1000 * extract(epoch from max(sent_at - created_at))::numeric, 1)
    from sms_message where created_at >= to_timestamp($t_from) and created_at < to_timestamp($t_to)" |
    awk '{ printf "messages queued while measuring: %d, sent %d; queued -> sent p50 %s ms, p99 %s ms, max %s ms\n", $1, $2, $3, $4, $5 }'
  echo "201s at the fake provider: $(curl -fs "http://127.0.0.1:$FAKE_PORT/served"), rows sent:" \
    "$("${PSQL[@]}" -d "$DB" -c "select count(*) from sms_message where status = 'sent'")" \
    "(other outcomes: $("${PSQL[@]}" -d "$DB" -c "select coalesce(string_agg(status || ' ' || n, ', '), 'none') from (select status, count(*) n from sms_message where status <> 'sent' group by status) s");" \
    "sent again after an unanswered call (attempts > 1): $("${PSQL[@]}" -d "$DB" -c "select count(*) from sms_message where attempts > 1"))"
  # the own server serves this run alone, and its WAL counters start after the segments were made
  if [[ -n "${OWN_PG_DIR:-}" ]]; then
    "${PSQL[@]}" -d "$DB" -c "select round(wal_bytes / 1048576.0),
        round(wal_bytes / 1024.0 / greatest(1, (select count(*) from sms_message)), 2),
        round(wal_fpi / greatest(1, (select count(*) from sms_message))::numeric, 2) from pg_stat_wal" |
      awk -F'|' '{ printf "WAL written by the whole run: %s MB, %s KB a message, %s full-page images a message\n", $1, $2, $3 }'
  fi
}

gatling_bare() { # seconds label
  ./mvnw -q -B -f bench/gatling/pom.xml gatling:test -Dsimulation=bench.EndToEndSimulation -Dmode=bare \
    -Dbase="http://localhost:$PORT" -Dkey=$KEY -Dclients="$BARE_CLIENTS" -Dseconds="$1" -Dout="$OUT" \
    >"$OUT/gatling-$2.log" 2>&1 || { tail -30 "$OUT/gatling-$2.log"; exit 1; }
}

ceiling() {
  local rows0 rows1 bare loop
  gatling_bare 10 bare-warmup
  rows0=$("${PSQL[@]}" -d "$DB" -c "select count(*) from bench_bare")
  sample c1-bare
  gatling_bare "$CEILING_SECONDS" bare
  sample c2-bare
  rows1=$("${PSQL[@]}" -d "$DB" -c "select count(*) from bench_bare")
  read -r _ _ _ svc pg _ _ _ load <<<"$(between c1-bare c2-bare)"
  bare=$(awk -F'|' -v rows=$((rows1 - rows0)) -v svc="$svc" -v pg="$pg" -v ld="$load" '
    function num(v) { gsub(/[ ,]/, "", v); return v }
    /> request count/                 { ko = num($4) + 0 }
    /> response time 50th percentile/ { p50 = num($3) }
    /> response time 99th percentile/ { p99 = num($3) }
    /> mean throughput/               { rps = num($3) }
    END { printf "%.1f %.3f %.3f %d %s %s %s\n", rps, svc / rows, pg / rows, ko, p50, p99, ld }' \
    "$OUT/gatling-bare.log")
  read -r BARE_RATE BARE_SVC BARE_PG bare_ko bare_p50 bare_p99 load <<<"$bare"
  echo "ceiling, bare insert ($BARE_CLIENTS clients, closed loop, ${CEILING_SECONDS} s): $BARE_RATE ok/s," \
    "$bare_ko failed, p50 $bare_p50 ms, p99 $bare_p99 ms, CPU per insert: service $BARE_SVC ms +" \
    "PostgreSQL $BARE_PG ms (load1 $load)"
  loop=$("$SERVICE_JAVA" -cp "$OUT/jar/BOOT-INF/lib/*" bench/ProviderLoop.java "http://127.0.0.1:$FAKE_PORT" \
    "$THREADS" "$CEILING_SECONDS" 10 2>"$OUT/provider-loop.err")
  echo "ceiling, $loop (load1 $(cut -d' ' -f1 /proc/loadavg))"
  LOOP_RATE=$(sed -E 's/.* ([0-9.]+) calls\/s.*/\1/' <<<"$loop")
  LOOP_CPU=$(sed -E 's/.*CPU ([0-9.]+) ms\/call.*/\1/' <<<"$loop")
  awk -v e2e="$E2E_RATE" -v bare="$BARE_RATE" -v loop="$LOOP_RATE" -v svc="$SVC_MS" -v pg="$PG_MS" \
    -v bsvc="$BARE_SVC" -v bpg="$BARE_PG" -v lcpu="$LOOP_CPU" 'BEGIN {
      ceiling = bare < loop ? bare : loop
      printf "real path / ceiling: %.2f (%.1f msgs/s over min(bare insert %.1f/s, provider loop %.1f/s));" \
        " meaningful when the rate saturates the service\n", e2e / ceiling, e2e, bare, loop
      printf "CPU of the real path / CPU of the ceiling: %.1f (%.3f ms per message over %.3f ms: insert" \
        " %.3f + provider call %.3f)\n", (svc + pg) / (bsvc + bpg + lcpu), svc + pg, bsvc + bpg + lcpu, bsvc + bpg, lcpu }'
}
