#!/usr/bin/env bash
# Boots the built distribution N times (fresh data each time; every second boot on PostgreSQL when PG=1, which needs
# the PostgreSQL of the test set-up on 127.0.0.1:5432, database "test") and polls POST /api/v1/auth/login every 0.5 s
# until it answers 401 (the API is up: an unknown login is refused). Prints, per boot, the sequence of statuses seen
# (000 = not listening, 404/405 = answered by something other than the REST servlet, 503 = the site's static servlet
# standing in for it) and whether the API watch had to register the REST servlet again. A boot whose API does not
# answer within 150 s stops the loop and is left running for a post-mortem.
# Usage: benchmarks/boot-loop.sh [N]   (default 20)
set -uo pipefail
cd "$(dirname "$0")/.."
N=${1:-20}
source benchmarks/distribution.sh   # DIST (built if missing); its start/stop helpers serve one boot, this loop many
PORT=${BENCH_HTTP_PORT:-18284}
for i in $(seq 1 "$N"); do
  WORK=$(mktemp -d); tar xzf "$DIST" -C "$WORK"; H=$(ls -d "$WORK"/*/); H=${H%/}
  sed -i "s/^org.osgi.service.http.port = 8181/org.osgi.service.http.port = $PORT/" "$H/etc/org.ops4j.pax.web.cfg"
  sed -i "s/^sshPort = 8101/sshPort = ${BENCH_SSH_PORT:-18204}/" "$H/etc/org.apache.karaf.shell.cfg"
  db=derby
  if [ "${PG:-0}" = 1 ] && [ $((i % 2)) = 0 ]; then
    schema=zhurnal_bootloop_$i
    psql -h 127.0.0.1 -U postgres -d test -qc "DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema" 2>/dev/null
    c=$H/etc/org.ops4j.datasource-zhurnal.cfg
    sed -i "s/^osgi.jdbc.driver.name.*/osgi.jdbc.driver.name = PostgreSQL JDBC Driver/; s|^url.*|url = jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema|" "$c"
    printf 'user = postgres\npassword = \n' >> "$c"; db=postgresql
  fi
  start=$(date +%s.%N)
  ZHURNAL_ADMIN_PASSWORD=Boot-Loop-Passw0rd-1 "$H/bin/start" >/dev/null 2>&1
  seen=""; result=TIMEOUT
  for _ in $(seq 1 300); do
    st=$(curl -s -m 5 -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d '{"login":"nobody","password":"x"}' \
      "http://127.0.0.1:$PORT/api/v1/auth/login")
    [ "$st" != "${seen##* }" ] && seen="$seen $st"
    if [ "$st" = 401 ]; then result=OK; break; fi
    sleep 0.5
  done
  healed=$(grep -c "Registering the servlet again" "$H"/data/log/karaf.log 2>/dev/null)
  printf '%2d %-10s %-7s %5.1f s  statuses:%s  watch re-registrations: %s\n' "$i" "$db" "$result" \
    "$(echo "$(date +%s.%N) - $start" | bc)" "$seen" "${healed:-0}"
  if [ "$result" != OK ]; then echo "left running for a post-mortem: $H"; exit 1; fi
  "$H/bin/stop" >/dev/null 2>&1
  for _ in $(seq 1 60); do pgrep -f "karaf.base=$H" >/dev/null || break; sleep 0.5; done
  pkill -9 -f "karaf.base=$H"; rm -rf "$WORK"
done
