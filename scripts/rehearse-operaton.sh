#!/usr/bin/env bash
# Rehearses moving a Camunda 7.24 database to Operaton (docs/engine.md): a fresh PostgreSQL
# database is created by the Camunda build's jar (demo profile: demo users and open demo cases,
# their timers and tasks), which then stops; the Operaton build's jar starts on the same
# database, reads the open cases, records a joint visit on one of them, takes a new police call,
# and still has the cases' timers. Needs both jars:
#   ./mvnw -B package -DskipTests && ./mvnw -B -Poperaton package -DskipTests
# Loopback only; drops and creates the database ear_rehearsal on 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/.."

DB=ear_rehearsal
PORT=${REHEARSAL_PORT:-18089}
BASE="http://127.0.0.1:$PORT"
WORK=target/rehearsal
mkdir -p "$WORK"
CAMUNDA_JAR=$(ls target/case-service-*.jar 2>/dev/null | grep -v '\.original' | head -1 || true)
OPERATON_JAR=$(ls target/operaton/case-service-*.jar 2>/dev/null | grep -v '\.original' | head -1 || true)
[ -n "$CAMUNDA_JAR" ] && [ -n "$OPERATON_JAR" ] || {
  echo "build both jars first: ./mvnw -B package -DskipTests && ./mvnw -B -Poperaton package -DskipTests" >&2
  exit 2
}

say() { echo "rehearsal: $*"; }
fail() { echo "rehearsal FAILED: $*" >&2; exit 1; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

psql -q -h 127.0.0.1 -U postgres -d test -c "drop database if exists $DB" -c "create database $DB" >/dev/null

PID=
start() {
  java -jar "$1" --server.port="$PORT" --server.address=127.0.0.1 \
    --spring.profiles.active=postgres,demo \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
    --camunda.bpm.job-execution.enabled=false --operaton.bpm.job-execution.enabled=false \
    > "$WORK/$2.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 120); do
    if curl -fs "$BASE/actuator/health" >/dev/null 2>&1; then return 0; fi
    kill -0 "$PID" 2>/dev/null || fail "$2 did not start (see $WORK/$2.log)"
    sleep 1
  done
  fail "$2 did not answer in 120 s (see $WORK/$2.log)"
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; }
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null || true' EXIT

say "Camunda 7.24 creates the database, with the demo's open cases"
start "$CAMUNDA_JAR" camunda
OPEN=$(curl -fs -u admin:demo "$BASE/api/cases?stage=AWAITING_VISIT&size=100" | json "' '.join(c['caseRef'] for c in d['content'])")
[ -n "$OPEN" ] || fail "no open case awaiting a visit under Camunda"
TIMERS=$(curl -fs -u admin:demo "$BASE/engine-rest/job/count?timers=true" | json "d['count']")
say "open cases awaiting a visit: $OPEN; timers: $TIMERS"
stop

say "Operaton starts on the same database"
start "$OPERATON_JAR" operaton
for ref in $OPEN; do
  stage=$(curl -fs -u admin:demo "$BASE/api/cases/$ref" | json "d['stage']")
  [ "$stage" = AWAITING_VISIT ] || fail "$ref is $stage under Operaton"
done
AFTER=$(curl -fs -u admin:demo "$BASE/engine-rest/job/count?timers=true" | json "d['count']")
[ "$AFTER" = "$TIMERS" ] || fail "timers: $TIMERS under Camunda, $AFTER under Operaton"

# a Preston worker records the joint visit of the first Preston case, through its deployed form
REF=$(for ref in $OPEN; do
  team=$(curl -fs -u admin:demo "$BASE/api/cases/$ref" | json "d['team']")
  [ "$team" = PRESTON ] && { echo "$ref"; break; }
done)
[ -n "$REF" ] || fail "no open Preston case"
TASK=$(curl -fs -u sw.preston1:demo "$BASE/engine-rest/task?processInstanceBusinessKey=$REF&taskDefinitionKey=Task_RecordJointVisit" | json "d[0]['id']")
NOW=$(TZ=Europe/London date +%Y-%m-%dT%H:%M)
code=$(curl -s -o "$WORK/visit.json" -w '%{http_code}' -u sw.preston1:demo -H 'Content-Type: application/json' \
  "$BASE/engine-rest/task/$TASK/submit-form" -d "{\"variables\": {
    \"visitedAt\": {\"value\": \"$NOW\"}, \"personSeen\": {\"value\": true}, \"riskLevel\": {\"value\": \"MEDIUM\"},
    \"visitAttendees\": {\"value\": \"PC1234, rehearsal\"}, \"visitNotes\": {\"value\": \"Seen at home.\"}}}")
[ "$code" = 204 ] || fail "recording the visit of $REF under Operaton: $code $(cat "$WORK/visit.json")"
stage=$(curl -fs -u admin:demo "$BASE/api/cases/$REF" | json "d['stage']")
[ "$stage" = ASSESSMENT ] || fail "$REF is $stage after its visit"

# and a new police call opens a case
REPORTED=$(TZ=Europe/London date -d '-10 minutes' +%Y-%m-%dT%H:%M:00%:z)
code=$(curl -s -o "$WORK/call.json" -w '%{http_code}' -H 'X-API-Key: demo-police-key' -H 'Content-Type: application/json' \
  "$BASE/api/calls" -d "{\"incidentRef\": \"REHEARSAL-$(date +%s)\", \"reportedAt\": \"$REPORTED\", \"grade\": 2,
    \"category\": \"CONCERN_FOR_SAFETY\", \"district\": \"PRESTON\", \"location\": \"1 Rehearsal Road, Preston\",
    \"subjects\": [{\"name\": \"Rehearsal Person $(date +%s)\", \"role\": \"ADULT\"}],
    \"summary\": \"Rehearsal call.\"}")
[ "$code" = 201 ] || fail "a new call under Operaton: $code $(cat "$WORK/call.json")"
stop
say "passed: the Camunda-made database works under Operaton ($(echo $OPEN | wc -w) open cases, $TIMERS timers, a visit recorded, a new call taken)"
