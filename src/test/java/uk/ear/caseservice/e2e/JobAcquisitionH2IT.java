package uk.ear.caseservice.e2e;

/** Acquisition by due date on H2, in the shared H2 application. */
@OnH2
class JobAcquisitionH2IT extends JobAcquisitionContract {}
