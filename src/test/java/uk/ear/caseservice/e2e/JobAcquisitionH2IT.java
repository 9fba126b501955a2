package uk.ear.caseservice.e2e;

/** The job table's due-date index on H2, in the shared H2 application. */
@OnH2
class JobAcquisitionH2IT extends JobAcquisitionContract {}
