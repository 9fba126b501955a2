#!/usr/bin/env bash
# The crash test (bench/README.md, "Crash test"): two case-service nodes on one PostgreSQL
# database (ear_crash, recreated), 2,000 police calls across both while node A and then node B
# are killed with kill -9 and restarted; then checks in the database that no call was lost or
# doubled, no timer fired twice, no external task was completed twice and nothing is stuck.
# Options: --calls=2000 --clients=6 --job-lock-ms=30000 --kill-b=true --quiet-seconds=180.
# Results: target/bench/crash.{md,json}; node logs under target/bench/crash/. About 5 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
build_jars
# run from copies, so that a rebuild meanwhile (another benchmark) cannot change a running jar;
# EAR_BENCH_SERVICE_JAR=<path> runs another build of the service
jars=target/bench/crash/jars
rm -rf "$jars" && mkdir -p "$jars"
cp "${EAR_BENCH_SERVICE_JAR:-$(ls -t target/case-service-*.jar | head -1)}" bench/target/ear-bench.jar "$jars/"
exec java -Dear.bench.case-service-dir="$jars" -jar "$jars/ear-bench.jar" crash "$@"
