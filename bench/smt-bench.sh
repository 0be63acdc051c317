#!/usr/bin/env bash
# The SMT benchmark in one command: our Filter and JinjaMapping vs Connect's built-in transforms on JMH,
# records/s and allocated bytes per record with their error bars. Prints tables, writes bench/target/smt-bench.json.
#   bench/smt-bench.sh --quick            about 3 minutes (1 fork, 3 + 5 iterations of 1 s per case and side)
#   bench/smt-bench.sh                    the full run, about 11 minutes (2 forks, 5 + 5 iterations of 2 s)
#   bench/smt-bench.sh --quick --profile  adds each case's allocation and CPU profile (JFR)
#   bench/smt-bench.sh --help             every option
# SKIP_BUILD=1 reuses the previous build. See bench/README.md.
source "$(dirname "$0")/harness.sh"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  build_harness
  stage_harness
fi
run_java io.hermesconnect.bench.smt.SmtBench "$@"
