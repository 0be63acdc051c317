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

PLUGIN=$TARGET/diff-plugins/hermes-polling-diff
if [ "${SKIP_BUILD:-}" != 1 ]; then
  # the polling-diff module is not in the plugin ZIP yet: its jar and runtime class path are the plugin
  log "building bench and connect-source-polling-diff (tests skipped), with the connector's runtime class path"
  "${MVN[@]}" -pl bench,connect-source-polling-diff -am package -DskipTests dependency:build-classpath \
    -DincludeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt
  stage_harness
  rm -rf "$PLUGIN" && mkdir -p "$PLUGIN"
  IFS=: read -r -a deps < connect-source-polling-diff/target/runtime-classpath.txt || true
  cp connect-source-polling-diff/target/connect-source-polling-diff-*[0-9T].jar "${deps[@]}" "$PLUGIN/"
  log "resolving the broker's and worker's class path from Maven Central"
  "${MVN[@]}" -f bench/stack/kafka/pom.xml package
fi
run_java io.hermesconnect.bench.diff.DiffPollBench "$@"
