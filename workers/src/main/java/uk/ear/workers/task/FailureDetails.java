package uk.ear.workers.task;

import java.util.HashSet;
import java.util.Set;

/**
 * The {@code errorDetails} Cockpit shows with a failure or incident: the exception chain with its
 * stack frames. Messages of exceptions that may quote a response body (JSON parsing and
 * conversion, where a name or date of birth could appear) are withheld: no personal data in the
 * engine's incident table.
 */
public final class FailureDetails {

  static final int MAX_LENGTH = 8000;
  private static final int FRAMES_PER_CAUSE = 12;

  private FailureDetails() {}

  public static String of(Throwable failure) {
    StringBuilder out = new StringBuilder();
    Set<Throwable> seen = new HashSet<>();
    Throwable current = failure;
    boolean first = true;
    while (current != null && seen.add(current) && out.length() < MAX_LENGTH) {
      out.append(first ? "" : "Caused by: ").append(current.getClass().getName());
      String message = safeMessage(current);
      if (message != null) {
        out.append(": ").append(message);
      }
      out.append('\n');
      StackTraceElement[] frames = current.getStackTrace();
      for (int i = 0; i < Math.min(frames.length, FRAMES_PER_CAUSE); i++) {
        out.append("\tat ").append(frames[i]).append('\n');
      }
      if (frames.length > FRAMES_PER_CAUSE) {
        out.append("\t... ").append(frames.length - FRAMES_PER_CAUSE).append(" more\n");
      }
      current = current.getCause();
      first = false;
    }
    return out.length() > MAX_LENGTH ? out.substring(0, MAX_LENGTH) : out.toString();
  }

  /** The message, unless it may quote data received from the case service. */
  public static String safeMessage(Throwable failure) {
    String type = failure.getClass().getName();
    if (type.startsWith("com.fasterxml.jackson.")
        || type.startsWith("org.springframework.http.converter.")
        || type.equals("org.springframework.web.client.RestClientException")) {
      return "(message withheld: it may quote the response body)";
    }
    return failure.getMessage();
  }
}
