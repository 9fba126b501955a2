#!/usr/bin/env bash
# The outage test (bench/README.md, "Outage test"): one case-service node on PostgreSQL (database
# ear_outage, recreated) takes 10 police calls a second for 150 s; after 40 s the local cluster
# is stopped (pg_ctlcluster ... stop -m fast) for --down-seconds=40 (30-60) and started again.
# Checks: 503 with Retry-After while it is down (never 500, never slower than 10 s), health 503
# DOWN, then recovery without a restart and exactly one case and process per call.
# Stopping the cluster cuts off every session on it: the run first waits (--wait-for-others=300)
# until nobody else is connected. PostgreSQL is always started again, also by this script's trap.
# Results: target/bench/outage.{md,json}; node log under target/bench/outage/. About 4 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
build_jars
# run from copies, so that a rebuild meanwhile (another benchmark) cannot change a running jar;
# EAR_BENCH_SERVICE_JAR=<path> runs another build of the service
jars=target/bench/outage/jars
rm -rf "$jars" && mkdir -p "$jars"
cp "${EAR_BENCH_SERVICE_JAR:-$(ls -t target/case-service-*.jar | head -1)}" bench/target/ear-bench.jar "$jars/"
# whatever happens to the run (even kill -9 of the JVM), the database comes back
trap ensure_postgres EXIT
status=0
java -Dear.bench.case-service-dir="$jars" -jar "$jars/ear-bench.jar" outage "$@" || status=$?
exit "$status"
