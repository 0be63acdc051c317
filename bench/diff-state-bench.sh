#!/usr/bin/env bash
# The polling-diff state benchmark in one command: writes a state of 100k and 1M objects (8 attributes) to a
# state topic on a local broker, then restores each into an empty directory in a JVM of its own at -Xmx512m:
# objects/s and heap. Prints a table, writes bench/target/diff-state-bench.json.
#   bench/diff-state-bench.sh                         about 3 minutes on 2 cores
#   bench/diff-state-bench.sh --sizes=100000          one size only
#   bench/diff-state-bench.sh --help                  every option
# SKIP_BUILD=1 reuses the previous build. See bench/README.md.
source "$(dirname "$0")/harness.sh"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  build_harness
  stage_harness
  log "resolving the broker's class path from Maven Central"
  "${MVN[@]}" -f bench/stack/kafka/pom.xml package
fi
run_java io.hermesconnect.bench.diff.DiffStateBench "$@"
