#!/usr/bin/env bash
# Installs the real servers the connect-testkit integration tests drive (OpenLDAP slapd, Samba AD DC, MariaDB)
# from Debian's packages. Idempotent and non-interactive; needs root. The tests start their own
# throwaway instances, so Debian's daemons must not start on install (policy-rc.d, no systemd here).
set -euo pipefail
PACKAGES=(slapd ldap-utils samba-ad-dc samba-ad-provision openssl mariadb-server)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then echo "test servers already installed: ${PACKAGES[*]}"; exit 0; fi
[ -e /usr/sbin/policy-rc.d ] || { printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; }
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
echo "installed: ${missing[*]}"
