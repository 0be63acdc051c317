#!/usr/bin/env bash
# Throwaway MariaDB (Debian's mariadb-server) on 127.0.0.1:$PORT with all state in $DIR (adapted from the
# team's recipe). Installs nothing: run .ci/install-test-servers.sh first. The first start creates the data
# directory and the administrator $ADMIN / $ADMINPW (every privilege, from 127.0.0.1); later starts reuse it.
# Usage: mariadb.sh [stop]   (start does nothing while the server runs; stop keeps the data)
set -euo pipefail
export PATH=/usr/sbin:/usr/bin:/sbin:/bin:$PATH
: "${DIR:?DIR must be set}" "${PORT:?PORT must be set}" "${ADMIN:?ADMIN must be set}" "${ADMINPW:?ADMINPW must be set}"
P=$(cat "$DIR/mariadb.pid" 2>/dev/null || true)
if [ -n "$P" ] && kill -0 "$P" 2>/dev/null; then
  [ "${1:-}" = stop ] || { echo "mariadbd pid $P already runs on 127.0.0.1:$PORT"; exit 0; }
  kill "$P"; for _ in $(seq 300); do kill -0 "$P" 2>/dev/null || break; sleep 0.1; done
fi
rm -f "$DIR/mariadb.pid"
[ "${1:-}" = stop ] && exit 0
for cmd in mariadbd mariadb-install-db mariadb; do
  command -v $cmd >/dev/null || { echo "$cmd not installed: run .ci/install-test-servers.sh" >&2; exit 3; }
done
mkdir -p "$DIR"
first=
if [ ! -d "$DIR/data" ]; then
  first=1
  mkdir -p "$DIR/data"; chown -R mysql:mysql "$DIR"
  mariadb-install-db --user=mysql --datadir="$DIR/data" --auth-root-authentication-method=socket \
    --skip-test-db >"$DIR/install.log" 2>&1 || { cat "$DIR/install.log" >&2; exit 1; }
fi
# small buffers: several test JVMs may each run one; setsid keeps it out of the test's process group
setsid mariadbd --user=mysql --datadir="$DIR/data" --port="$PORT" --bind-address=127.0.0.1 \
  --socket="$DIR/mariadb.sock" --pid-file="$DIR/mariadb.pid" --log-error="$DIR/error.log" \
  --innodb-buffer-pool-size=32M --innodb-log-file-size=16M --skip-name-resolve \
  </dev/null >/dev/null 2>&1 &
ready=
for _ in $(seq 300); do mariadb --socket="$DIR/mariadb.sock" -uroot -e 'select 1' >/dev/null 2>&1 && { ready=1; break; }; sleep 0.1; done
[ -n "$ready" ] || { echo "mariadbd did not answer on $DIR/mariadb.sock; its log:" >&2; cat "$DIR/error.log" >&2; exit 1; }
if [ -n "$first" ]; then
  mariadb --socket="$DIR/mariadb.sock" -uroot <<SQL
CREATE USER '$ADMIN'@'127.0.0.1' IDENTIFIED BY '$ADMINPW';
GRANT ALL ON *.* TO '$ADMIN'@'127.0.0.1' WITH GRANT OPTION;
SQL
fi
echo "mariadbd pid $(cat "$DIR/mariadb.pid") on 127.0.0.1:$PORT, administrator $ADMIN"
