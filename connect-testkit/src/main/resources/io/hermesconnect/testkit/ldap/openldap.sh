#!/usr/bin/env bash
# Throwaway OpenLDAP slapd on ldap://127.0.0.1:$PORT with all state in $DIR (adapted from the team's
# recipe). Installs nothing: run .ci/install-test-servers.sh first. Usage: openldap.sh [stop|restart]
# (stop keeps $DIR; restart starts slapd again on the data it had)
set -euo pipefail
export PATH=/usr/sbin:/usr/bin:/sbin:/bin:$PATH
: "${DIR:?DIR must be set}" "${PORT:?PORT must be set}"
SUFFIX=dc=example,dc=org ROOTPW=${ROOTPW:-secret}
ROOTDN=cn=admin,$SUFFIX URI=ldap://127.0.0.1:$PORT
if [ -f "$DIR/slapd.pid" ]; then P=$(cat "$DIR/slapd.pid"); kill "$P" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$P" 2>/dev/null || break; sleep 0.1; done; fi
[ "${1:-}" = stop ] && exit 0
for cmd in slapd slapadd ldapsearch ldapadd; do
  command -v $cmd >/dev/null || { echo "$cmd not installed: run .ci/install-test-servers.sh" >&2; exit 3; }
done
restart=; [ "${1:-}" = restart ] && restart=1
if [ -z "$restart" ]; then # a fresh directory (restart reuses the one in $DIR)
rm -rf "$DIR"; mkdir -p "$DIR/slapd.d" "$DIR/db"
# olcLimits: slapd's default size limit (500 entries) holds for every bind but the root DN, and paged
# searches may read past it, as on directories set up for full reads
slapadd -n0 -F "$DIR/slapd.d" <<EOT
dn: cn=config
objectClass: olcGlobal
cn: config
olcPidFile: $DIR/slapd.pid

dn: cn=module{0},cn=config
objectClass: olcModuleList
olcModulePath: /usr/lib/ldap
olcModuleLoad: back_mdb

dn: cn=schema,cn=config
objectClass: olcSchemaConfig

include: file:///etc/ldap/schema/core.ldif
include: file:///etc/ldap/schema/cosine.ldif
include: file:///etc/ldap/schema/inetorgperson.ldif
include: file:///etc/ldap/schema/nis.ldif

dn: olcDatabase={1}mdb,cn=config
objectClass: olcMdbConfig
olcSuffix: $SUFFIX
olcRootDN: $ROOTDN
olcRootPW: $ROOTPW
olcDbDirectory: $DIR/db
olcDbMaxSize: 4294967296
olcDbIndex: objectClass eq
olcDbIndex: uid,cn,mail,member,uniqueMember,employeeNumber,businessCategory eq
olcLimits: * size.prtotal=unlimited
EOT
fi
# -d 0 keeps slapd in the foreground of its own background job; it writes its pid file itself
slapd -F "$DIR/slapd.d" -h "$URI/" -d 0 </dev/null >"$DIR/slapd.log" 2>&1 &
ready=
for _ in $(seq 100); do ldapsearch -x -H "$URI" -s base -b "" >/dev/null 2>&1 && { ready=1; break; }; sleep 0.1; done
[ -n "$ready" ] || { echo "slapd did not answer on $URI; its log:" >&2; cat "$DIR/slapd.log" >&2; exit 1; }
[ -n "$restart" ] && { echo "slapd pid $(cat "$DIR/slapd.pid") on $URI, restarted"; exit 0; }
ldapadd -x -H "$URI" -D "$ROOTDN" -w "$ROOTPW" >/dev/null <<EOT
dn: $SUFFIX
objectClass: dcObject
objectClass: organization
o: Example
dc: example

dn: ou=people,$SUFFIX
objectClass: organizationalUnit
ou: people

dn: ou=groups,$SUFFIX
objectClass: organizationalUnit
ou: groups
EOT
echo "slapd pid $(cat "$DIR/slapd.pid") on $URI, bind $ROOTDN"
