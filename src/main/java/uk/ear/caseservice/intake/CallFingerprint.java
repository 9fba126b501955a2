package uk.ear.caseservice.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A hash of a call's content, so that a retry (same content) can be told from a conflicting
 * re-use of an incident reference. The same instant written with another offset is the same call.
 */
final class CallFingerprint {

  private static final ObjectMapper CANONICAL =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private CallFingerprint() {}

  static String of(CallRequest call) {
    CallRequest canonical =
        new CallRequest(
            call.incidentRef(),
            call.reportedAt().withOffsetSameInstant(java.time.ZoneOffset.UTC),
            call.grade(),
            call.category(),
            call.district(),
            call.location(),
            call.subjects(),
            call.summary(),
            call.officer());
    try {
      byte[] json = CANONICAL.writeValueAsBytes(canonical);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot fingerprint a call", e);
    }
  }

}
