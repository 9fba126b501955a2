#!/usr/bin/env bash
# The same sources on Operaton (docs/engine.md), after the Camunda build and its full suite:
#   1. unit and engine-only process tests, every H2 end-to-end test, the PostgreSQL contract
#      (a case from police call to closure over HTTP) and two Tasklist browser tests;
#   2. the external-task workers' end-to-end test against the Operaton build's jar;
#   3. the rehearsal: a PostgreSQL database the Camunda build created, with open cases, keeps
#      working under the Operaton build.
# Run from the project root after ./mvnw -B clean verify (it needs the Camunda jar for step 3).
set -euo pipefail
cd "$(dirname "$0")/.."
# (not the simulated month: it exercises the simulator, not the engine, and takes a minute; the
# full ./mvnw -B -Poperaton verify runs it too)
./mvnw -B -Poperaton verify \
  -Dit.test='*H2IT,!SimulatedMonthH2IT,CaseServicePostgresIT,TasklistBrowserIT#aWorkerSeesOpens*+nothingTyped*'
./mvnw -B -f workers/pom.xml verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcase-service.dir=../target/operaton
scripts/rehearse-operaton.sh
