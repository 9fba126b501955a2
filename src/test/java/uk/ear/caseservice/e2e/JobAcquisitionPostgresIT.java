package uk.ear.caseservice.e2e;

/** Acquisition by due date on PostgreSQL, in the shared PostgreSQL application. */
@OnPostgres
class JobAcquisitionPostgresIT extends JobAcquisitionContract {}
