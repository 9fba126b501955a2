package uk.ear.caseservice.engine;

import java.util.Set;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A task listener the engine adds to every user task of every model it parses, so that designers
 * need not remember it: e.g. the team's managers may allocate each task, and a task may only be
 * given to someone who may work it. Any Spring bean of this type is picked up.
 */
public interface EveryUserTask extends TaskListener {

  /** The task events it listens to, e.g. {@link TaskListener#EVENTNAME_CREATE}. */
  Set<String> events();
}
