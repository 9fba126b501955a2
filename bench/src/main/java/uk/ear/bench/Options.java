package uk.ear.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code --name=value} options with defaults. */
final class Options {
  private final Map<String, String> values;

  private Options(Map<String, String> values) {
    this.values = values;
  }

  static Options parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("expected --name=value, got " + arg);
      }
      values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    return new Options(values);
  }

  int integer(String name, int fallback) {
    return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
  }

  String text(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  /** {@code --service.<property>=<value>}: passed to the case service as {@code --<property>=<value>}. */
  Map<String, String> serviceProperties() {
    Map<String, String> p = new java.util.TreeMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith("service.")) {
        p.put(k.substring("service.".length()), v);
      }
    });
    return p;
  }

  Path out() {
    return Path.of(text("out", "target/bench"));
  }
}
