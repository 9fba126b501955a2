package uk.ear.caseservice.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine configuration's lists of custom parts (parse listeners, command interceptors,
 * session factories) are null until some plugin sets one, and may be shared: each plugin adds its
 * own part to a copy and sets that.
 */
public final class PluginLists {

  private PluginLists() {}

  /** A new list: {@code existing} (none if null), then {@code added}. */
  public static <T> List<T> plus(List<T> existing, T added) {
    List<T> parts = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    parts.add(added);
    return parts;
  }
}
