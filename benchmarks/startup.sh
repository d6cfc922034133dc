#!/usr/bin/env bash
# Cold start and memory of the Zhurnal distribution, with bare Apache Karaf 4.4.10 measured in the same
# run for comparison. Usage: benchmarks/startup.sh [runs]   (default 3). Prints a Markdown table.
#
# Zhurnal: fresh unpack, empty data/, `bin/start` until GET /api/v1/health answers 200 (all modules
#          ACTIVE, database UP). RSS of the Karaf JVM 10 s after that, and again after signing in and
#          calling a few endpoints.
# Karaf:   fresh unpack of the stock apache-karaf-4.4.10, `bin/start` until its ssh port accepts
#          connections (the last boot feature of the stock distribution), RSS 10 s after that.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
VERSION=$(grep -m1 -oP '(?<=^  <version>)[^<]+' pom.xml)
DIST=karaf-distribution/target/zhurnal-distribution-$VERSION.tar.gz
[ -f "$DIST" ] || mvn -B -q -ntp install -DskipTests
STOCK=$HOME/.m2/repository/org/apache/karaf/apache-karaf/4.4.10/apache-karaf-4.4.10.zip
[ -f "$STOCK" ] || mvn -B -q -ntp dependency:get -Dartifact=org.apache.karaf:apache-karaf:4.4.10:zip
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PORT=18181
SSH=18101
PASSWORD='Bench-Passw0rd-2026'

now() { date +%s.%N; }
rss_mib() { echo $(( $(ps -o rss= -p "$1" | tr -d ' ') / 1024 )); }
karaf_pid() { pgrep -f "karaf.base=$1" | head -1; }

zhurnal_run() {
  local dir="$WORK/z$1"; mkdir -p "$dir"; tar xzf "$DIST" -C "$dir"; local home; home=$(ls -d "$dir"/*/)
  sed -i "s/^org.osgi.service.http.port = 8181/org.osgi.service.http.port = $PORT/" "$home/etc/org.ops4j.pax.web.cfg"
  sed -i "s/^sshPort = 8101/sshPort = $SSH/" "$home/etc/org.apache.karaf.shell.cfg"
  local t0; t0=$(now)
  ZHURNAL_ADMIN_PASSWORD=$PASSWORD "$home/bin/start" >/dev/null 2>&1
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/api/v1/health"; do sleep 0.1; done
  local t1; t1=$(now)
  local pid; pid=$(karaf_pid "${home%/}")
  sleep 10
  local idle; idle=$(rss_mib "$pid")
  local token
  token=$(curl -fs -H 'Content-Type: application/json' -d "{\"login\":\"admin\",\"password\":\"$PASSWORD\"}" \
    "http://127.0.0.1:$PORT/api/v1/auth/login" | sed -E 's/.*"token":"([^"]+)".*/\1/')
  for _ in $(seq 1 20); do
    curl -fs -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT/api/v1/schools"
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/api/v1/openapi.json"
    curl -fs -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT/api/v1/admin/audit?limit=50"
  done
  local busy; busy=$(rss_mib "$pid")
  "$home/bin/stop" >/dev/null 2>&1 || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  printf '%.1f %s %s\n' "$(echo "$t1 - $t0" | bc)" "$idle" "$busy"
}

karaf_run() {
  local dir="$WORK/k$1"; mkdir -p "$dir"; unzip -q "$STOCK" -d "$dir"; local home="$dir/apache-karaf-4.4.10"
  sed -i "s/^sshPort = 8101/sshPort = $SSH/" "$home/etc/org.apache.karaf.shell.cfg"
  local t0; t0=$(now)
  "$home/bin/start" >/dev/null 2>&1
  until (exec 3<>"/dev/tcp/127.0.0.1/$SSH") 2>/dev/null; do sleep 0.1; done
  local t1; t1=$(now)
  local pid; pid=$(karaf_pid "$home")
  sleep 10
  local idle; idle=$(rss_mib "$pid")
  "$home/bin/stop" >/dev/null 2>&1 || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  printf '%.1f %s\n' "$(echo "$t1 - $t0" | bc)" "$idle"
}

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%d)"
echo
echo "| run | Zhurnal cold start to healthy (s) | Zhurnal RSS idle (MiB) | Zhurnal RSS after requests (MiB) | bare Karaf start (s) | bare Karaf RSS (MiB) |"
echo "|---|---|---|---|---|---|"
for i in $(seq 1 "$RUNS"); do
  read -r zs zi zb < <(zhurnal_run "$i")
  read -r ks ki < <(karaf_run "$i")
  echo "| $i | $zs | $zi | $zb | $ks | $ki |"
done
