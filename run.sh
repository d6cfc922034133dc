#!/usr/bin/env bash
# Builds Zhurnal and starts it with the embedded Derby database and the demo school.
# Stop it with Ctrl+C. Data stays in run/zhurnal/data between runs.
set -euo pipefail
cd "$(dirname "$0")"
PORT=8181

echo "Building (tests skipped; run 'mvn install' for those)…"
mvn -B -q -ntp install -DskipTests

# Fresh binaries on every run, but keep the data directory.
mkdir -p run
if [ -d run/zhurnal/data ]; then mv run/zhurnal/data run/data.keep; fi
rm -rf run/zhurnal run/unpack && mkdir -p run/unpack
tar xzf karaf-distribution/target/zhurnal-distribution-*.tar.gz -C run/unpack
mv run/unpack/* run/zhurnal && rmdir run/unpack
if [ -d run/data.keep ]; then rm -rf run/zhurnal/data; mv run/data.keep run/zhurnal/data; fi

export ZHURNAL_DEMO=true
(
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$PORT/api/v1/health" >/dev/null 2>&1; then
      # The demo school loads in the background after start; wait for its logins (first start only).
      for _ in $(seq 1 90); do [ -f run/zhurnal/data/demo-credentials.txt ] && break; sleep 1; done
      echo
      echo "=================================================================="
      echo " Zhurnal is running: http://127.0.0.1:$PORT/"
      if [ -f run/zhurnal/data/zhurnal-admin-password.txt ]; then
        echo " Administrator: admin / $(head -1 run/zhurnal/data/zhurnal-admin-password.txt)  (first start: temporary, you then set your own)"
      else
        echo " Administrator: admin / the password you set (ZHURNAL_ADMIN_PASSWORD or at first sign-in)"
      fi
      if [ -f run/zhurnal/data/demo-credentials.txt ]; then
        echo " Demo school logins (run/zhurnal/data/demo-credentials.txt):"
        grep -v '^#' run/zhurnal/data/demo-credentials.txt | sed 's/^/   /'
      fi
      echo " API: http://127.0.0.1:$PORT/api/v1/health · http://127.0.0.1:$PORT/api/v1/openapi.json"
      echo " Stop with Ctrl+C."
      echo "=================================================================="
      exit 0
    fi
    sleep 1
  done
  echo "Zhurnal did not answer within 120 s; see run/zhurnal/data/log/karaf.log"
) &
exec run/zhurnal/bin/karaf server
