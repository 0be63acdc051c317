#!/usr/bin/env bash
# The LDAP sink benchmark in one command: against a local slapd, 100k creates, modifies and membership adds through
# the sink task and through a plain UnboundID connection, then the creates again with 10k objects parked in the
# sink's error queue. The task runs in the harness JVM (a broker runs beside for its parked-event store). Prints a
# table, writes bench/target/ldap-sink-bench.json and .md. Needs Debian's slapd and ldap-utils.
#   bench/ldap-sink-bench.sh --quick                  2000 entries per run, about 2 minutes
#   bench/ldap-sink-bench.sh                          100k entries per run
#   bench/ldap-sink-bench.sh --help                   every option
# SKIP_BUILD=1 reuses the previous build. See bench/README.md.
source "$(dirname "$0")/harness.sh"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  build_harness
  stage_harness
  log "resolving the broker's class path from Maven Central"
  "${MVN[@]}" -f bench/stack/kafka/pom.xml package
fi
run_java io.hermesconnect.bench.sink.LdapSinkBench "$@"
