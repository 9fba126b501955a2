# Shared by bench/*.sh: PostgreSQL up, the service's and the benchmark's jars built.
ensure_postgres() {
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    for version in $(ls /etc/postgresql 2>/dev/null); do
      pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    done
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL is not reachable at 127.0.0.1:5432" >&2; exit 1; }
}

build_jars() {
  ensure_postgres
  if [ "${EAR_BENCH_SKIP_BUILD:-}" != true ] || ! ls target/case-service-*.jar >/dev/null 2>&1; then
    ./mvnw -B -q -DskipTests -Djacoco.skip=true package
  fi
  ./mvnw -B -q -f bench/pom.xml -DskipTests package
}
