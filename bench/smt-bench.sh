#!/usr/bin/env bash
# The SMT benchmark in one command: our Filter and JinjaMapping vs Connect's built-in transforms, in-process,
# records/s and allocated bytes per record. Prints tables, writes bench/target/smt-bench.json.
#   bench/smt-bench.sh --quick            about a minute
#   bench/smt-bench.sh                    the full run (10 s warm-up, 5 rounds of 3 s per case and side)
#   bench/smt-bench.sh --quick --profile  adds each case's allocation and CPU profile (JFR)
#   bench/smt-bench.sh --help             every option
# SKIP_BUILD=1 reuses the previous build. See bench/README.md.
source "$(dirname "$0")/harness.sh"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  build_harness
  stage_harness
fi
run_java io.hermesconnect.bench.smt.SmtBench "$@"
