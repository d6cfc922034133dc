# Sourced by the benchmark scripts: unpacks the built distribution into a temporary directory, moves it to the
# given ports, starts it (the caller's environment, e.g. ZHURNAL_DEMO, is passed on), waits until
# GET /api/v1/health answers, and stops and removes it when the script exits.
# Usage: start_distribution HTTP_PORT SSH_PORT   (sets WORK, HOME_DIR, B = the API base URL, PASSWORD)
# BENCH_SMTP=sink (the default) points its mail at benchmarks/smtp_sink.py on BENCH_SMTP_PORT (default 18025), an SMTP
# server that accepts and discards every message (at nice 19), so the diary's notifications are sent as to a real relay;
# BENCH_SMTP=none leaves the mail at 127.0.0.1:25, where nothing listens (every notification fails and is retried).
# BENCH_DB=postgresql runs it on the PostgreSQL server at 127.0.0.1:5432 (database test, user postgres, trust auth) in a
# fresh schema of its own, dropped at the end; the default is the embedded Derby.
PASSWORD='Bench-Passw0rd-2026'
VERSION=$(grep -m1 -oP '(?<=^  <version>)[^<]+' pom.xml)
# BENCH_DIST=path runs another build's distribution (e.g. an earlier commit's, to compare on the same machine).
DIST=${BENCH_DIST:-karaf-distribution/target/zhurnal-distribution-$VERSION.tar.gz}
[ -f "$DIST" ] || mvn -B -q -ntp install -DskipTests

cleanup_distribution() {
  [ -n "${HOME_DIR:-}" ] && "$HOME_DIR/bin/stop" >/dev/null 2>&1 || true
  for _ in $(seq 1 60); do pgrep -f "karaf.base=$WORK" >/dev/null || break; sleep 0.5; done
  pkill -9 -f "karaf.base=$WORK" || true
  [ -n "${SINK_PID:-}" ] && kill "$SINK_PID" 2>/dev/null || true
  rm -rf "$WORK"
  [ -n "${BENCH_SCHEMA:-}" ] && psql -h 127.0.0.1 -U postgres -d test -qc "DROP SCHEMA IF EXISTS $BENCH_SCHEMA CASCADE" >/dev/null 2>&1 || true
}

start_distribution() {
  WORK=$(mktemp -d)
  trap cleanup_distribution EXIT
  tar xzf "$DIST" -C "$WORK"
  HOME_DIR=$(ls -d "$WORK"/*/)
  HOME_DIR=${HOME_DIR%/}
  sed -i "s/^org.osgi.service.http.port = 8181/org.osgi.service.http.port = $1/" "$HOME_DIR/etc/org.ops4j.pax.web.cfg"
  sed -i "s/^sshPort = 8101/sshPort = $2/" "$HOME_DIR/etc/org.apache.karaf.shell.cfg"
  # BENCH_SYSTEM_PROPERTIES="name=value ..." adds system properties (e.g. to compare a Derby setting).
  for prop in ${BENCH_SYSTEM_PROPERTIES:-}; do echo "$prop" >> "$HOME_DIR/etc/system.properties"; done
  # BENCH_CONFIG="pid:name=value ..." adds configuration properties (etc/<pid>.cfg), e.g.
  # org.zhurnal.roster.grants:startDelaySeconds=90 to move the staff grants resync after start.
  for conf in ${BENCH_CONFIG:-}; do echo "${conf#*:}" >> "$HOME_DIR/etc/${conf%%:*}.cfg"; done
  # BENCH_UNSET_PROPERTIES="name ..." removes properties the build sets (e.g. derby.storage.pageSize, to measure Derby's default).
  for prop in ${BENCH_UNSET_PROPERTIES:-}; do sed -i "/^${prop//./\.} *=/d" "$HOME_DIR/etc/system.properties"; done
  if [ "${BENCH_DB:-derby}" = postgresql ]; then
    BENCH_SCHEMA=zhurnal_bench_$$
    psql -h 127.0.0.1 -U postgres -d test -qc "DROP SCHEMA IF EXISTS $BENCH_SCHEMA CASCADE; CREATE SCHEMA $BENCH_SCHEMA" >/dev/null
    local ds=$HOME_DIR/etc/org.ops4j.datasource-zhurnal.cfg
    sed -i "s/^osgi.jdbc.driver.name.*/osgi.jdbc.driver.name = PostgreSQL JDBC Driver/; s|^url.*|url = jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$BENCH_SCHEMA|" "$ds"
    printf 'user = postgres\npassword = \n' >> "$ds"
  fi
  if [ "${BENCH_SMTP:-sink}" = sink ]; then
    # At the lowest priority: a relay is another machine, so the sink takes only what the server leaves of the two
    # cores, and the diary's sender waits for it as for a relay slower than itself.
    nice -n 19 python3 benchmarks/smtp_sink.py "${BENCH_SMTP_PORT:-18025}" "$WORK/mails.count" &
    SINK_PID=$!
    sed -i "s/^port = 25/port = ${BENCH_SMTP_PORT:-18025}/" "$HOME_DIR/etc/org.zhurnal.mail.cfg"
  fi
  B=http://127.0.0.1:$1/api/v1
  ZHURNAL_ADMIN_PASSWORD=$PASSWORD "$HOME_DIR/bin/start" >/dev/null 2>&1
  until curl -fs -o /dev/null "$B/health"; do sleep 0.3; done
}

# Waits (up to 10 minutes) until the server's process has used under 1 s of CPU in 10 s: the demo school's journal,
# the events it publishes and the notifications they cause are written in the background after the demo's logins
# appear, and a measurement taken meanwhile shares the cores with them.
wait_settled() {
  local pid a b
  pid=$(pgrep -f "karaf.base=$HOME_DIR" | head -1)
  for _ in $(seq 1 60); do
    a=$(awk '{print $14 + $15}' /proc/"$pid"/stat); sleep 10; b=$(awk '{print $14 + $15}' /proc/"$pid"/stat)
    [ $(( (b - a) * 1000 / $(getconf CLK_TCK) )) -lt 1000 ] && return 0
  done
  echo "the server did not settle in 10 minutes" >&2
}

# Waits until the server's process has used under 0.15 s of CPU in 3 s: the work a load left behind (its events, its
# notifications) is done.
wait_idle() {
  local pid a b
  pid=$(pgrep -f "karaf.base=$HOME_DIR" | head -1)
  while true; do
    a=$(awk '{print $14 + $15}' /proc/"$pid"/stat); sleep 3; b=$(awk '{print $14 + $15}' /proc/"$pid"/stat)
    [ $(( (b - a) * 1000 / $(getconf CLK_TCK) )) -lt 150 ] && return 0
  done
}

# The gradebook benchmarks' start: the distribution with the demo school (ports BENCH_HTTP_PORT/BENCH_SSH_PORT, default
# 18184/18104), waits for its demo journal (DEMO_LINE = the log's summary of it), and prepares the requests of
# benchmarks/gradebook/*.lua into $WORK (benchmarks/gradebook/prepare.py; its summary in $WORK/prepare.txt).
start_demo_gradebook() {
  ZHURNAL_DEMO=true start_distribution "${BENCH_HTTP_PORT:-18184}" "${BENCH_SSH_PORT:-18104}"
  for _ in $(seq 1 1800); do grep -qh 'Demo journal written' "$HOME_DIR"/data/log/*.log 2>/dev/null && break; sleep 0.5; done
  DEMO_LINE=$(grep -h 'Demo journal written' "$HOME_DIR"/data/log/*.log | tail -1 | sed -E 's/.*(Demo journal written)/\1/')
  [ -n "$DEMO_LINE" ] || { echo "the demo journal did not load"; grep -h ERROR "$HOME_DIR"/data/log/*.log | tail; exit 1; }
  python3 benchmarks/gradebook/prepare.py "$B" "$PASSWORD" "$WORK" > "$WORK/prepare.txt"
}

# The demo gradebook started and settled, with PID = the server's process (for the scripts that read its threads or heap).
start_settled_gradebook() {
  start_demo_gradebook
  wait_settled
  PID=$(pgrep -f "karaf.base=$HOME_DIR" | head -1)
}
