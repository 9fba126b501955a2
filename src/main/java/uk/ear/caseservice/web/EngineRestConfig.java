package uk.ear.caseservice.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.integrity.TaskAssignmentRefused;
import uk.ear.caseservice.process.FormRejectedException;

/**
 * Camunda's REST API ({@code /engine-rest}) as the starter sets it up, plus: a form the server
 * refuses is a {@code 400}, a claim or assignment outside the case's team a {@code 403}, each with
 * a message that is ours alone ("Record joint visit: please correct the
 * form. …"), not a {@code 500} wrapped in engine wording. Everything else is answered by Camunda's
 * own exception handlers. Tasklist calls the webapps' copy of this API, which answers the same
 * ({@link WebappEngineApi}).
 */
@Component
public class EngineRestConfig extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(RefusedFormAsRestError.class);
    register(RefusedFormAsEngineError.class);
  }

  /** Submitting or completing a task or a start form: Camunda wraps the engine's exception. */
  @Priority(Priorities.USER - 100)
  public static class RefusedFormAsRestError implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException e) {
      Response refused = refusal(e);
      return refused != null ? refused : new RestExceptionHandler().toResponse(e);
    }
  }

  /** Resources that let the engine's exception through as it is. */
  @Priority(Priorities.USER - 100)
  public static class RefusedFormAsEngineError implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException e) {
      Response refused = refusal(e);
      return refused != null ? refused : new ProcessEngineExceptionHandler().toResponse(e);
    }
  }

  /** The service's own answer if the engine's exception carries one of its refusals, else null. */
  static Response refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof FormRejectedException refused) {
        return answer(Response.Status.BAD_REQUEST, refused);
      }
      if (t instanceof TaskAssignmentRefused refused) {
        return answer(Response.Status.FORBIDDEN, refused);
      }
    }
    return null;
  }

  private static Response answer(Response.Status status, RuntimeException refused) {
    ExceptionDto dto = new ExceptionDto();
    dto.setType(refused.getClass().getSimpleName());
    dto.setMessage(refused.getMessage());
    return Response.status(status)
        .entity(dto)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }
}
