package uk.ear.caseservice.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Full history, less two kinds of rows nobody here reads, each written on every step of every case
 * (docs/performance.md has the figures):
 *
 * <ul>
 *   <li>one {@code ACT_HI_DETAIL} row per variable value ever set (13 at each intake) and per form
 *       field submitted (each task): the variables' current and last values stay in {@code
 *       ACT_HI_VARINST}, and what a person recorded is in the case record and its audit ({@code
 *       ear_case_audit}), not in the engine's history (less personal data kept twice, too);
 *   <li>the job log's routine rows ({@code ACT_HI_JOB_LOG}: created, succeeded, deleted) for every
 *       timer and save point, e.g. each deadline timer cancelled when its task is done; failures
 *       are still logged, and incidents are kept in full.
 * </ul>
 *
 * Tasks, activities, process and decision instances, incidents, identity links and the user
 * operation log are recorded as before. The engine's history level stays {@code full}, so a
 * database written before keeps working and Cockpit shows what it did.
 */
@Component
public class LeanHistory extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new Handler());
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** The engine's own database handler, skipping the rows described above. */
  static final class Handler extends DbHistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricFormPropertyEventEntity) {
        return;
      }
      // isEventOfType compares the event's name only ("create" is also a task's and a variable's)
      if (event instanceof HistoricJobLogEvent
          && !event.isEventOfType(HistoryEventTypes.JOB_FAIL)) {
        return;
      }
      super.handleEvent(event);
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return false;
    }
  }
}
