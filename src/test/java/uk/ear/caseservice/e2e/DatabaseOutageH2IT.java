package uk.ear.caseservice.e2e;

/** The outage test on H2, in the shared H2 application. */
@OnH2
class DatabaseOutageH2IT extends DatabaseOutageContract {}
