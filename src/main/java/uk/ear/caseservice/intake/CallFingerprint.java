package uk.ear.caseservice.intake;

import uk.ear.caseservice.shared.ContentFingerprint;

/**
 * A hash of a call's content, so that a retry (same content) can be told from a conflicting
 * re-use of an incident reference. The same instant written with another offset is the same call.
 */
final class CallFingerprint {

  private CallFingerprint() {}

  static String of(CallRequest call) {
    return ContentFingerprint.of(
        new CallRequest(
            call.incidentRef(),
            call.reportedAt().withOffsetSameInstant(java.time.ZoneOffset.UTC),
            call.grade(),
            call.category(),
            call.district(),
            call.location(),
            call.subjects(),
            call.summary(),
            call.officer()));
  }
}
