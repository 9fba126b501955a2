package uk.ear.caseservice.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Adds every {@link EveryUserTask} bean to every user task when the engine parses a model. The
 * beans are looked up when a task event fires, not when the engine is built: they need the engine
 * themselves.
 */
@Component
public class EveryUserTaskPlugin extends AbstractProcessEnginePlugin {

  private final Supplier<List<EveryUserTask>> listeners;

  @Autowired
  public EveryUserTaskPlugin(ObjectProvider<EveryUserTask> listeners) {
    this(once(() -> listeners.orderedStream().toList()));
  }

  /** For engine-only tests, which have no Spring context. */
  public EveryUserTaskPlugin(Supplier<List<EveryUserTask>> listeners) {
    this.listeners = listeners;
  }

  /** Looks the beans up at the first task event, not at every one. */
  private static Supplier<List<EveryUserTask>> once(Supplier<List<EveryUserTask>> lookup) {
    java.util.concurrent.atomic.AtomicReference<List<EveryUserTask>> found =
        new java.util.concurrent.atomic.AtomicReference<>();
    return () -> found.updateAndGet(known -> known != null ? known : lookup.get());
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> parseListeners =
        configuration.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    parseListeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            var definition =
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            for (String event :
                List.of(
                    TaskListener.EVENTNAME_CREATE,
                    TaskListener.EVENTNAME_ASSIGNMENT,
                    TaskListener.EVENTNAME_UPDATE)) {
              definition.addTaskListener(
                  event,
                  task ->
                      listeners.get().stream()
                          .filter(listener -> listener.events().contains(event))
                          .forEach(listener -> listener.notify(task)));
            }
          }
        });
    configuration.setCustomPostBPMNParseListeners(parseListeners);
  }
}
