package uk.ear.caseservice.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.ear.caseservice.cases.CaseAudit;
import uk.ear.caseservice.cases.CaseAuditRepository;
import uk.ear.caseservice.cases.CaseRepository;

/**
 * Writes the audit rows of a read through the engine's API: finds the cases it touched (the id in
 * the path, the query's process instances or business key, the process instances in the answer)
 * and writes one row per case. Runs after the request, as the service (no caller's permissions).
 * A failure to audit is logged and never changes the answer.
 */
@Service
public class CaseReadAudit {

  private static final Logger log = LoggerFactory.getLogger(CaseReadAudit.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> INSTANCE_FIELDS =
      Set.of("processInstanceId", "rootProcessInstanceId", "superProcessInstanceId");
  private static final Set<String> INSTANCE_LIST_FIELDS = Set.of("processInstanceIdIn", "processInstanceIds");
  private static final Set<String> KEY_FIELDS = Set.of("processInstanceBusinessKey", "businessKey");

  private final HistoryService history;
  private final CaseRepository cases;
  private final CaseAuditRepository audit;
  private final Clock clock;

  public CaseReadAudit(
      HistoryService history, CaseRepository cases, CaseAuditRepository audit, Clock clock) {
    this.history = history;
    this.cases = cases;
    this.audit = audit;
    this.clock = clock;
  }

  void record(
      EngineReads.Read read,
      HttpServletRequest request,
      int status,
      byte[] requestBody,
      byte[] responseBody) {
    boolean refused = status == 401 || status == 403 || status == 404;
    if (!refused && (status < 200 || status >= 300)) {
      return;
    }
    try {
      Touched touched = new Touched();
      touched.fromPath(read);
      request.getParameterMap().forEach((name, values) -> touched.field(name, String.join(",", values)));
      if (request.getMethod().equals("POST")) {
        touched.json(requestBody);
      }
      if (!refused) {
        touched.json(responseBody);
      }
      String user = EngineCaller.of(request);
      if (user == null) {
        user = request.getRemoteUser() != null ? request.getRemoteUser() : "anonymous";
      }
      String channel = EngineReads.channel(request.getRequestURI(), request.getHeader("Referer"));
      for (String caseRef : touched.caseRefs()) {
        audit.save(
            new CaseAudit(caseRef, user, "READ", clock.instant(), channel, read.detail(), refused));
      }
    } catch (RuntimeException | IOException e) {
      log.warn("could not audit the read {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
    }
  }

  /** The process instances and business keys a request and its answer name. */
  private final class Touched {
    final Set<String> instances = new TreeSet<>();
    final Set<String> keys = new TreeSet<>();

    void fromPath(EngineReads.Read read) {
      if (read.id() == null) {
        return;
      }
      switch (read.subject()) {
        case PROCESS_INSTANCE -> instances.add(read.id());
        case TASK -> {
          HistoricTaskInstance task =
              history.createHistoricTaskInstanceQuery().taskId(read.id()).singleResult();
          if (task != null && task.getProcessInstanceId() != null) {
            instances.add(task.getProcessInstanceId());
          }
        }
        case EXECUTION -> {
          var activity =
              history.createHistoricActivityInstanceQuery().executionId(read.id()).listPage(0, 1);
          activity.forEach(a -> instances.add(a.getProcessInstanceId()));
        }
        case NONE -> { }
      }
    }

    void field(String name, String value) {
      if (value == null || value.isBlank()) {
        return;
      }
      if (INSTANCE_FIELDS.contains(name)) {
        instances.add(value);
      } else if (INSTANCE_LIST_FIELDS.contains(name)) {
        Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).forEach(instances::add);
      } else if (KEY_FIELDS.contains(name)) {
        keys.add(value);
      }
    }

    void json(byte[] body) throws IOException {
      if (body == null || body.length == 0 || (body[0] != '{' && body[0] != '[')) {
        return;
      }
      walk(JSON.readTree(body));
    }

    private void walk(JsonNode node) {
      if (node.isArray()) {
        node.forEach(this::walk);
      } else if (node.isObject()) {
        node.fields().forEachRemaining(entry -> {
          JsonNode value = entry.getValue();
          if (value.isTextual()) {
            field(entry.getKey(), value.asText());
          } else if (value.isArray() && INSTANCE_LIST_FIELDS.contains(entry.getKey())) {
            value.forEach(v -> field("processInstanceId", v.asText()));
          } else if (value.isContainerNode()) {
            walk(value);
          }
        });
      }
    }

    /** The cases among the business keys named and those of the process instances named. */
    Set<String> caseRefs() {
      Set<String> refs = new TreeSet<>(keys);
      if (!instances.isEmpty()) {
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceIds(instances)
            .list()
            .stream()
            .map(HistoricProcessInstance::getBusinessKey)
            .filter(key -> key != null)
            .forEach(refs::add);
      }
      return refs.isEmpty() ? refs : new TreeSet<>(cases.caseRefsAmong(refs));
    }
  }
}
