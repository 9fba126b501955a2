package uk.ear.caseservice.e2e;

/** The contract on the zero-setup database (H2, in memory here). */
@OnH2
class CaseServiceH2IT extends CaseServiceContract {}
