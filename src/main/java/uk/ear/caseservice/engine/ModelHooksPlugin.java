package uk.ear.caseservice.engine;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Adds every {@link EveryUserTask} bean to every user task, and every {@link EveryCalledProcess}
 * bean to the start and end of every process, when the engine parses a model. The beans are looked up at
 * the first event, not when the engine is built: they need the engine themselves.
 */
@Component
public class ModelHooksPlugin extends AbstractProcessEnginePlugin {

  private static final List<String> TASK_EVENTS =
      List.of(
          TaskListener.EVENTNAME_CREATE,
          TaskListener.EVENTNAME_ASSIGNMENT,
          TaskListener.EVENTNAME_UPDATE);

  private final Supplier<List<EveryUserTask>> taskHooks;
  private final Supplier<List<EveryCalledProcess>> calledProcessHooks;

  @Autowired
  public ModelHooksPlugin(
      ObjectProvider<EveryUserTask> taskHooks, ObjectProvider<EveryCalledProcess> calledHooks) {
    this(
        once(() -> taskHooks.orderedStream().toList()),
        once(() -> calledHooks.orderedStream().toList()));
  }

  /** For engine-only tests, which have no Spring context. */
  public ModelHooksPlugin(
      Supplier<List<EveryUserTask>> taskHooks, Supplier<List<EveryCalledProcess>> calledHooks) {
    this.taskHooks = taskHooks;
    this.calledProcessHooks = calledHooks;
  }

  private static <T> Supplier<List<T>> once(Supplier<List<T>> lookup) {
    AtomicReference<List<T>> found = new AtomicReference<>();
    return () -> found.updateAndGet(known -> known != null ? known : lookup.get());
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPostBPMNParseListeners(
        PluginLists.plus(configuration.getCustomPostBPMNParseListeners(), new Hooks()));
  }

  private final class Hooks extends AbstractBpmnParseListener {

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      var definition =
          ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
      for (String event : TASK_EVENTS) {
        definition.addTaskListener(
            event,
            task ->
                taskHooks.get().stream()
                    .filter(hook -> hook.events().contains(event))
                    .forEach(hook -> hook.notify(task)));
      }
    }

    @Override
    public void parseProcess(Element element, ProcessDefinitionEntity process) {
      String key = process.getKey();
      process.addListener(
          ExecutionListener.EVENTNAME_START,
          (ExecutionListener)
              execution -> {
                if (execution.getSuperExecution() != null) {
                  calledProcessHooks.get().forEach(hook -> hook.started(execution, key));
                }
              });
      process.addListener(
          ExecutionListener.EVENTNAME_END,
          (ExecutionListener)
              execution -> {
                if (execution.getSuperExecution() != null) {
                  calledProcessHooks.get().forEach(hook -> hook.ended(execution, key));
                }
              });
    }
  }
}
