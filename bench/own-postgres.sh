# A PostgreSQL server of the benchmark's own (sourced by bench/end-to-end.sh and bench/intake.sh).
#
# By default (BENCH_PG=own) a benchmark runs its database on a server it creates for the run, set
# up as the README's production setup says ("Sizing PostgreSQL"): shared_buffers 1 GB,
# max_wal_size 8 GB, checkpoint_timeout 15 min, wal_compression lz4, synchronous_commit on (a 202
# still means committed). A server left at PostgreSQL's defaults starts a checkpoint every two
# minutes at 1,000 texts a second, and its full-page writes stall every request for seconds: the
# run would measure that server's configuration, not the service. A server that has run for a
# while also has its WAL segments: each checkpoint renames the old ones for reuse (min_wal_size 2 GB
# keeps at least that many). A new cluster has none, so every 16 MB segment of the run would be
# created and zero-filled on the spot, about every two seconds at 1,750 texts a second, and each
# commit waiting behind that fill stalls the intake for tens of milliseconds (bench/README.md,
# fifteenth round); so the server writes BENCH_PG_WAL_GB (2) of segments and checkpoints before the
# run, as a server in service has them. BENCH_PG=shared runs on PGHOST/PGPORT as they are.
# BENCH_PG_PORT (55432) is the own server's port.

own_postgres_start() {
  [[ "${BENCH_PG:-own}" == own ]] || return 0
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [[ -x "$bin/initdb" ]] || { echo "no initdb under /usr/lib/postgresql; set BENCH_PG=shared" >&2; exit 1; }
  OWN_PG_BIN=$bin
  OWN_PG_DIR=$(mktemp -d /tmp/bench-pg.XXXXXX)
  # PostgreSQL does not run as root
  OWN_PG_AS=()
  if [[ $(id -u) == 0 ]]; then
    chown postgres "$OWN_PG_DIR"
    OWN_PG_AS=(runuser -u postgres --)
  fi
  "${OWN_PG_AS[@]}" "$bin/initdb" -D "$OWN_PG_DIR/data" -U postgres -A trust >"$OWN_PG_DIR/initdb.log" 2>&1 \
    || { cat "$OWN_PG_DIR/initdb.log" >&2; exit 1; }
  PGHOST=localhost
  PGPORT=${BENCH_PG_PORT:-55432}
  PGUSER=postgres
  cat >>"$OWN_PG_DIR/data/postgresql.conf" <<EOF
port = $PGPORT
listen_addresses = 'localhost'
unix_socket_directories = '$OWN_PG_DIR'
max_connections = 200
shared_buffers = 1GB
max_wal_size = 8GB
min_wal_size = 2GB
checkpoint_timeout = 15min
wal_compression = lz4
synchronous_commit = on
log_autovacuum_min_duration = 0
log_checkpoints = on
EOF
  # BENCH_PG_SETTINGS: more lines for postgresql.conf, for an experiment ("autovacuum = off\n...")
  if [[ -n "${BENCH_PG_SETTINGS:-}" ]]; then
    printf '%b\n' "$BENCH_PG_SETTINGS" >>"$OWN_PG_DIR/data/postgresql.conf"
  fi
  # BENCH_STATEMENTS=1 counts statements with pg_stat_statements
  [[ "${BENCH_STATEMENTS:-0}" == 1 ]] && printf '%s\n' "shared_preload_libraries = 'pg_stat_statements'" \
    "pg_stat_statements.track_planning = on" >>"$OWN_PG_DIR/data/postgresql.conf"
  "${OWN_PG_AS[@]}" "$bin/pg_ctl" -D "$OWN_PG_DIR/data" -l "$OWN_PG_DIR/server.log" -w start >/dev/null \
    || { tail -20 "$OWN_PG_DIR/server.log" >&2; exit 1; }
  # a switch needs a record since the last one; the checkpoint then keeps the segments for reuse
  psql -X -q -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres -c "do \$\$ begin
      for i in 1..$((${BENCH_PG_WAL_GB:-2} * 64)) loop
        perform pg_logical_emit_message(false, 'bench', 'segment'); perform pg_switch_wal();
      end loop; end \$\$" -c checkpoint -c "select pg_stat_reset_shared('wal')" >/dev/null
}

own_postgres_stop() {
  [[ -n "${OWN_PG_DIR:-}" ]] || return 0
  "${OWN_PG_AS[@]}" "$OWN_PG_BIN/pg_ctl" -D "$OWN_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  # its log (checkpoints, autovacuum) stays with the run's other logs
  if [[ -n "${OUT:-}" && -d "${OUT:-}" ]]; then cp "$OWN_PG_DIR/server.log" "$OUT/postgres.log"; fi
  rm -rf "$OWN_PG_DIR"
  OWN_PG_DIR=""
}

own_postgres_describe() {
  if [[ -n "${OWN_PG_DIR:-}" ]]; then
    echo "own PostgreSQL on port $PGPORT (production settings)"
  else
    echo "PostgreSQL at $PGHOST:$PGPORT"
  fi
}
