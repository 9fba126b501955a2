package uk.ear.workers.task;

import java.util.HashSet;
import java.util.Set;

/**
 * The {@code errorDetails} Cockpit shows with a failure or incident: the exception chain with its
 * stack frames. Messages of exceptions that may quote a response body (JSON parsing and
 * conversion, where a name or date of birth could appear), and of everything they were caused by,
 * are withheld: no personal data in the engine's incident table.
 */
public final class FailureDetails {

  static final int MAX_LENGTH = 8000;
  static final String WITHHELD = "(message withheld: it may quote the response body)";
  private static final int FRAMES_PER_CAUSE = 12;

  private FailureDetails() {}

  public static String of(Throwable failure) {
    StringBuilder out = new StringBuilder();
    Set<Throwable> seen = new HashSet<>();
    Throwable current = failure;
    boolean first = true;
    boolean withholding = false;
    while (current != null && seen.add(current) && out.length() < MAX_LENGTH) {
      out.append(first ? "" : "Caused by: ").append(current.getClass().getName());
      withholding = withholding || mayQuoteData(current);
      String message = withholding ? WITHHELD : current.getMessage();
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

  /** The message, unless it (or what caused it) may quote data received from the case service. */
  public static String safeMessage(Throwable failure) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (mayQuoteData(t)) {
        return WITHHELD;
      }
    }
    return failure.getMessage();
  }

  /** Parsing and conversion failures quote the value they could not read. */
  private static boolean mayQuoteData(Throwable failure) {
    String type = failure.getClass().getName();
    return type.startsWith("com.fasterxml.jackson.")
        || type.startsWith("org.springframework.http.converter.")
        || type.equals("org.springframework.web.client.RestClientException")
        || failure instanceof java.time.format.DateTimeParseException
        || failure instanceof NumberFormatException;
  }
}
