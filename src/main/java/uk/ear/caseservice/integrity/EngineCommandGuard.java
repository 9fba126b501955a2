package uk.ear.caseservice.integrity;

import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.engine.PluginLists;
import uk.ear.caseservice.forms.WithheldValues;
import uk.ear.caseservice.privacy.EngineCaller;

/**
 * The engine-side half of "the server owns the case": every command a signed-in caller sends the
 * engine (over {@code /engine-rest}, or through the webapps behind Tasklist and Cockpit) is checked
 * by {@link CommandRules} before it runs, whatever the caller's Camunda permissions. Commands the
 * service itself runs (no signed-in caller, e.g. the job executor, the intake) and the commands
 * the engine runs inside a checked one are not checked again.
 *
 * <p>Camunda's authorizations cannot say "complete this task with its form's fields only" or
 * "lock external tasks, but do not correlate messages": this is where those rules live.
 */
@Component
public class EngineCommandGuard extends AbstractProcessEnginePlugin {

  private final ObjectProvider<CommandRules> rules;

  public EngineCommandGuard(ObjectProvider<CommandRules> rules) {
    this.rules = rules;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPostCommandInterceptorsTxRequired(
        PluginLists.plus(configuration.getCustomPostCommandInterceptorsTxRequired(), new Interceptor()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        PluginLists.plus(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new Interceptor()));
  }

  /** Runs after the command context exists, so the rules can read tasks and forms. */
  private class Interceptor extends CommandInterceptor {

    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    @Override
    public <T> T execute(Command<T> command) {
      int[] level = depth.get();
      try {
        if (level[0]++ > 0) {
          return next.execute(command);
        }
        Map<String, Object> withheld = check(command);
        return WithheldValues.during(withheld, () -> next.execute(command));
      } finally {
        leave(level);
      }
    }

    private void leave(int[] level) {
      if (--level[0] == 0) {
        depth.remove();
      }
    }

    /** The rules' verdict on a signed-in caller's command: what it withholds, or a refusal. */
    private Map<String, Object> check(Command<?> command) {
      CommandContext context = Context.getCommandContext();
      Authentication caller = context == null ? null : context.getAuthentication();
      if (caller == null || caller.getUserId() == null) {
        return Map.of();
      }
      EngineCaller.remember(caller.getUserId());
      return rules.getObject().check(command, caller);
    }
  }
}
