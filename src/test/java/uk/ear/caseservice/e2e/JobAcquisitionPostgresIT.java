package uk.ear.caseservice.e2e;

/** The job table's due-date index on PostgreSQL, in the shared PostgreSQL application. */
@OnPostgres
class JobAcquisitionPostgresIT extends JobAcquisitionContract {}
