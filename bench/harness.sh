# Sourced by bench/wal-bench.sh and bench/smt-bench.sh: builds the bench module (with the modules it needs)
# and stages its class path as copies under bench/target/lib, so that rebuilds of those modules by anyone
# while a long benchmark runs cannot change the jars under it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
TARGET=bench/target
MVN=(mvn -B -q)

log() { echo "[$(basename "$0" .sh)] $*"; }

# build_harness [extra modules]: builds bench (and e.g. packaging) with their dependencies, no tests run
# (-DskipTests, not -Dmaven.test.skip: connect-source-polling-diff needs connect-common's test jar built)
build_harness() {
  local modules=bench${1:+,$1}
  log "building $modules (mvn -pl $modules -am package, tests skipped)"
  "${MVN[@]}" -pl "$modules" -am package -DskipTests
}

stage_harness() {
  rm -rf "$TARGET/lib" && mkdir -p "$TARGET/lib"
  local entries=("$TARGET"/bench-*.jar) staged=() entry
  IFS=: read -r -a deps < "$TARGET/classpath.txt" || true # the file has no final newline
  entries+=("${deps[@]}")
  for entry in "${entries[@]}"; do
    cp -r "$entry" "$TARGET/lib/" && staged+=("$TARGET/lib/$(basename "$entry")")
  done
  (IFS=:; echo "${staged[*]}") > "$TARGET/lib/classpath.txt"
}

# run_java MAIN ARGS...: the harness JVM, quiet logging
run_java() {
  local main=$1; shift
  exec java -Xmx2g -Dlog4j2.configurationFile=bench-log4j2.xml -cp "$(cat "$TARGET/lib/classpath.txt")" "$main" "$@"
}
