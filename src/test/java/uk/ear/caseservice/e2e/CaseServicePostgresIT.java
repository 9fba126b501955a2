package uk.ear.caseservice.e2e;

/** The contract on PostgreSQL, with the production profile plus the demo identities. */
@OnPostgres
class CaseServicePostgresIT extends CaseServiceContract {}
