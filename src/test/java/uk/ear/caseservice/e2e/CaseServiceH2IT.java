package uk.ear.caseservice.e2e;

import org.springframework.test.context.ActiveProfiles;

/** The contract on the zero-setup database (H2, in memory here). */
@ActiveProfiles({"demo", "test", "test-h2"})
class CaseServiceH2IT extends CaseServiceContract {}
