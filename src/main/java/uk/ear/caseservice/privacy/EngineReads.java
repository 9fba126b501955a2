package uk.ear.caseservice.privacy;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine API calls that read a case's data, wherever they come in: {@code /engine-rest/…}, or
 * the webapps' {@code /camunda/api/engine/engine/default/…} (Tasklist and Cockpit) and Cockpit's
 * own {@code /camunda/api/cockpit/plugin/base/default/…}. Task lists, definitions and forms are
 * not case data; variables, form variables and history are.
 */
final class EngineReads {

  /** What the path names by id, if anything: the case is found from it. */
  enum Subject { TASK, PROCESS_INSTANCE, EXECUTION, NONE }

  /** A read of case data: what it reads, and the id in its path. */
  record Read(String detail, Subject subject, String id) {}

  private record Rule(Pattern path, boolean postIsQuery, String detail, Subject subject) {}

  private static final List<Rule> RULES =
      List.of(
          rule("/task/([^/]+)/form-variables", false, "task form variables", Subject.TASK),
          rule("/task/([^/]+)/(?:localV|v)ariables(?:/[^/]+)?(?:/data)?", false, "task variables", Subject.TASK),
          rule("/process-instance/([^/]+)/variables(?:/[^/]+)?(?:/data)?", false, "process variables", Subject.PROCESS_INSTANCE),
          rule("/execution/([^/]+)/localVariables(?:/[^/]+)?", false, "process variables", Subject.EXECUTION),
          rule("/variable-instance(?:/count)?()", true, "process variables", Subject.NONE),
          rule("/variable-instance/([^/]+)(?:/data)?", false, "process variables", Subject.NONE),
          rule("/history/variable-instance(?:/[^/]+)?(?:/data)?()", true, "history: variables", Subject.NONE),
          rule("/history/detail(?:/[^/]+)?(?:/data)?()", true, "history: variable changes", Subject.NONE),
          rule("/history/process-instance(?:/([^/]+))?", true, "history: process instances", Subject.PROCESS_INSTANCE),
          rule("/history/activity-instance()", true, "history: activities", Subject.NONE),
          rule("/history/task()", true, "history: tasks", Subject.NONE),
          rule("/history/user-operation()", true, "history: operations", Subject.NONE),
          // Cockpit's own queries behind a case's page
          rule("/process-instance/([^/]+)/(?:called-process-instances|activity-instances)", true, "process instance", Subject.PROCESS_INSTANCE));

  private static final Pattern PREFIX =
      Pattern.compile("^(?:/engine-rest|/[^/]+/api/engine/engine/[^/]+|/[^/]+/api/cockpit/plugin/base/[^/]+)(/.*)$");

  private EngineReads() {}

  private static Rule rule(String path, boolean postIsQuery, String detail, Subject subject) {
    return new Rule(Pattern.compile(path), postIsQuery, detail, subject);
  }

  /** The read a request makes, if it reads case data through the engine's API. */
  static Optional<Read> of(String method, String requestUri) {
    if (!method.equals("GET") && !method.equals("POST")) {
      return Optional.empty();
    }
    Matcher prefixed = PREFIX.matcher(requestUri);
    if (!prefixed.matches()) {
      return Optional.empty();
    }
    String path = prefixed.group(1);
    for (Rule rule : RULES) {
      Matcher m = rule.path().matcher(path);
      if (m.matches() && (method.equals("GET") || rule.postIsQuery())) {
        String id = m.groupCount() > 0 && m.group(1) != null && !m.group(1).isEmpty() ? m.group(1) : null;
        return Optional.of(new Read(rule.detail(), id == null ? Subject.NONE : rule.subject(), id));
      }
    }
    return Optional.empty();
  }

  /** Which channel a request came through: the engine's REST API, or which webapp. */
  static String channel(String requestUri, String referer) {
    if (requestUri.startsWith("/engine-rest/")) {
      return "ENGINE_REST";
    }
    if (referer != null && referer.contains("/app/tasklist/")) {
      return "TASKLIST";
    }
    if (referer != null && referer.contains("/app/cockpit/")) {
      return "COCKPIT";
    }
    return "WEBAPP";
  }
}
