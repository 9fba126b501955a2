#!/usr/bin/env bash
# The benchmark (docs/performance.md): builds the case service's jar and the benchmark, then
# starts the service against PostgreSQL (database ear_bench, recreated) and measures it.
# Not part of the tests. Options: --clients=8 --seconds=30 --rate=20 --open-tasks=100000
# --timers=5000 (see bench/README.md). Results: target/bench/results.{md,json}.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
build_jars
exec java -Xmx1g -jar bench/target/ear-bench.jar benchmark "$@"
