#!/usr/bin/env bash
# The WAL benchmark in one command: our PostgreSQL source vs Debezium's, in one Connect worker, plus the raw
# decoding limit (pg_recvlogical, bare PgJDBC). Prints tables, writes bench/target/wal-bench.json.
#   bench/wal-bench.sh --quick          a few minutes, small row counts
#   bench/wal-bench.sh                  the full run (100k / 1M / 2M rows, 30 s latency run)
#   bench/wal-bench.sh --help           every option
# SKIP_BUILD=1 reuses the previous build (harness, Kafka runtime, plugins). See bench/README.md.
source "$(dirname "$0")/harness.sh"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  # Our plugin ZIP comes from packaging; while it does not build, the benchmark runs without our connector.
  ours=1
  if ! build_harness packaging; then
    log "packaging (our plugin ZIP) did not build: continuing without our connector"
    ours=0
    build_harness
  fi
  stage_harness
  log "resolving the broker/worker class path and Debezium's plugin directory from Maven Central"
  "${MVN[@]}" -f bench/stack/kafka/pom.xml package
  "${MVN[@]}" -f bench/stack/debezium/pom.xml package
  rm -rf "$TARGET"/plugins/hermes-connect-*
  if [ "$ours" = 1 ]; then
    unzip -q -o packaging/target/hermes-connect-*.zip -d "$TARGET/plugins"
  fi
fi
run_java io.hermesconnect.bench.wal.WalBench "$@"
