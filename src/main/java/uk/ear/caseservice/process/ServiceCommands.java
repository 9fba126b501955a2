package uk.ear.caseservice.process;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Engine calls the service makes on its own account, after deciding access by its own rules (e.g.
 * the team rule): inside a command started by a Tasklist user, the engine would otherwise check
 * that user's rights as well.
 */
public final class ServiceCommands {

  private ServiceCommands() {}

  public static <T> T withoutAuthorization(Supplier<T> call) {
    CommandContext command = Context.getCommandContext();
    return command == null ? call.get() : command.runWithoutAuthorization(call::get);
  }
}
