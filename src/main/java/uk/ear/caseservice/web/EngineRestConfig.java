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
import uk.ear.caseservice.process.FormRejectedException;

/**
 * Camunda's REST API ({@code /engine-rest}) as the starter sets it up, plus: a form the server
 * refuses is a {@code 400} whose message is ours alone ("Record joint visit: please correct the
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
      FormRejectedException refused = refusal(e);
      return refused != null ? badRequest(refused) : new RestExceptionHandler().toResponse(e);
    }
  }

  /** Resources that let the engine's exception through as it is. */
  @Priority(Priorities.USER - 100)
  public static class RefusedFormAsEngineError implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException e) {
      FormRejectedException refused = refusal(e);
      return refused != null ? badRequest(refused) : new ProcessEngineExceptionHandler().toResponse(e);
    }
  }

  static FormRejectedException refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof FormRejectedException refused) {
        return refused;
      }
    }
    return null;
  }

  private static Response badRequest(FormRejectedException refused) {
    ExceptionDto dto = new ExceptionDto();
    dto.setType(FormRejectedException.class.getSimpleName());
    dto.setMessage(refused.getMessage());
    return Response.status(Response.Status.BAD_REQUEST)
        .entity(dto)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }
}
