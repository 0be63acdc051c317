#!/usr/bin/env bash
# The HTTP sink benchmark in one command: creates sent to a local service answering in 1 ms and in 20 ms, at 1
# and 16 requests in flight, by the sink task, by its request dispatcher, and by a plain JDK HttpClient, all in
# the harness JVM (a broker runs beside for the task's parked-event store). Prints a table, writes
# bench/target/http-sink-bench.json and .md.
#   bench/http-sink-bench.sh --quick                  500 events per run, about 1 minute
#   bench/http-sink-bench.sh                          5000 events per run, about 6 minutes
#   bench/http-sink-bench.sh --help                   every option
# SKIP_BUILD=1 reuses the previous build. See bench/README.md.
source "$(dirname "$0")/harness.sh"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  build_harness
  stage_harness
  log "resolving the broker's class path from Maven Central"
  "${MVN[@]}" -f bench/stack/kafka/pom.xml package
fi
run_java io.hermesconnect.bench.sink.HttpSinkBench "$@"
