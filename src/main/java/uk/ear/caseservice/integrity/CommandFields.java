package uk.ear.caseservice.integrity;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads what a Camunda command was asked to do (its task id, its variables). The engine keeps
 * them in protected fields with no getters; a field that is gone after an engine upgrade fails
 * every checked command loudly rather than letting it through unchecked.
 */
final class CommandFields {

  private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

  private CommandFields() {}

  @SuppressWarnings("unchecked")
  static <T> T read(Object command, String name) {
    Field field =
        FIELDS.computeIfAbsent(command.getClass().getName() + "#" + name, key -> find(command.getClass(), name));
    try {
      return (T) field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + name + " of " + command.getClass().getName(), e);
    }
  }

  /** Changes what a command was asked, before it runs (e.g. the variables it will write). */
  static void write(Object command, String name, Object value) {
    Field field =
        FIELDS.computeIfAbsent(command.getClass().getName() + "#" + name, key -> find(command.getClass(), name));
    try {
      field.set(command, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot write " + name + " of " + command.getClass().getName(), e);
    }
  }

  private static Field find(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException notHere) {
        // look in the superclass
      }
    }
    throw new IllegalStateException(type.getName() + " has no field " + name + ": the engine changed");
  }
}
