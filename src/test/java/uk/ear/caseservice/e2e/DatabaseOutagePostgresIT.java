package uk.ear.caseservice.e2e;

/**
 * The outage test on PostgreSQL, in the shared PostgreSQL application: its driver, its settings
 * ({@code application-postgres.yml}) and its connections evicted by the pool.
 */
@OnPostgres
class DatabaseOutagePostgresIT extends DatabaseOutageContract {}
