#!/usr/bin/env bash
# The polling-diff poll benchmark in one command: a Users table of 8 columns in PostgreSQL (100k and 1M rows), a
# connector in a Connect worker at -Xmx512m, a first poll, then 1% of rows updated, 0.1% deleted, 0.1% inserted and
# the measured second poll beside a plain JDBC read of the same query; and a two-source merge plus an integrity
# constraint at 1M rows. Prints a table, writes bench/target/diff-poll-bench.json.
#   bench/diff-poll-bench.sh --quick                  100k rows only
#   bench/diff-poll-bench.sh --full                   adds 10M rows
#   bench/diff-poll-bench.sh --help                   every option
# SKIP_BUILD=1 reuses the previous build. See bench/README.md.
source "$(dirname "$0")/harness.sh"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  build_harness packaging
  stage_harness
  log "resolving the broker's and worker's class path from Maven Central"
  "${MVN[@]}" -f bench/stack/kafka/pom.xml package
  # our plugin ZIP, unpacked the way users install it, alone on the worker's plugin.path
  rm -rf "$TARGET/diff-plugins" && mkdir -p "$TARGET/diff-plugins"
  unzip -q packaging/target/hermes-connect-*.zip -d "$TARGET/diff-plugins"
fi
run_java io.hermesconnect.bench.diff.DiffPollBench "$@"
