package uk.ear.caseservice.web;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
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
 * form. …"), not a {@code 500} wrapped in engine wording; and a database that cannot be reached
 * ({@link DatabaseOutage}) is a {@code 503} with {@code Retry-After} ({@link DatabaseUnavailable}),
 * not Camunda's {@code 500}; and a change that lost to another one made at the same moment (the
 * engine's {@link OptimisticLockingException}, e.g. two nodes' workers completing one external
 * task, or a task completed twice at once) is a {@code 409}: nothing was written and the client may
 * read again and retry, where Camunda answers {@code 500}. Everything else is answered by Camunda's own exception handlers.
 * Tasklist calls the webapps' copy of this API, which answers the same ({@link WebappEngineApi}).
 *
 * <p>Jersey maps an exception with the mapper of the nearest type (RestException, then
 * ProcessEngineException, then Throwable); between mappers of one type the one with the lower
 * priority value wins. So each of Camunda's three handlers has one of ours beside it, at {@code
 * Priorities.USER - 100} (Camunda's have none, which counts as {@code USER}), that answers first
 * and hands everything else to Camunda's. A database failure reaches any of them: a resource wraps the
 * engine's exception in a RestException, lets it through, or lets Spring's through (the
 * transaction that could not begin: no ProcessEngineException at all).
 */
@Component
public class EngineRestConfig extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(RestExceptionAnswers.class);
    register(EngineExceptionAnswers.class);
    register(OtherExceptionAnswers.class);
  }

  /**
   * Camunda's wrapping of the engine's exception, e.g. submitting or completing a task or a start
   * form.
   */
  @Priority(Priorities.USER - 100)
  public static class RestExceptionAnswers implements ExceptionMapper<RestException> {
    @Context ServletContext servletContext;
    @Context UriInfo uri;

    @Override
    public Response toResponse(RestException e) {
      Response ours = ours(e, servletContext, uri);
      return ours != null ? ours : new RestExceptionHandler().toResponse(e);
    }
  }

  /** Resources that let the engine's exception through as it is. */
  @Priority(Priorities.USER - 100)
  public static class EngineExceptionAnswers implements ExceptionMapper<ProcessEngineException> {
    @Context ServletContext servletContext;
    @Context UriInfo uri;

    @Override
    public Response toResponse(ProcessEngineException e) {
      Response ours = ours(e, servletContext, uri);
      return ours != null ? ours : new ProcessEngineExceptionHandler().toResponse(e);
    }
  }

  /** Anything else: e.g. Spring's CannotCreateTransactionException when no connection comes. */
  @Priority(Priorities.USER - 100)
  public static class OtherExceptionAnswers implements ExceptionMapper<Throwable> {
    @Context ServletContext servletContext;
    @Context UriInfo uri;

    @Override
    public Response toResponse(Throwable e) {
      Response ours = ours(e, servletContext, uri);
      return ours != null ? ours : new ExceptionHandler().toResponse(e);
    }
  }

  /** Our answer, or null for Camunda's: the database is down, or one of our refusals. */
  static Response ours(Throwable e, ServletContext servletContext, UriInfo uri) {
    if (DatabaseOutage.isOutage(e)) {
      String path = uri == null ? null : uri.getRequestUri().getRawPath();
      return DatabaseUnavailable.in(servletContext).jaxrs("engine API " + path, path, e);
    }
    return refusal(e);
  }

  /**
   * The service's own answer if the engine's exception carries one of its refusals or a lost
   * concurrent change, else null.
   */
  static Response refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof FormRejectedException refused) {
        return answer(Response.Status.BAD_REQUEST, refused);
      }
      if (t instanceof TaskAssignmentRefused refused) {
        return answer(Response.Status.FORBIDDEN, refused);
      }
      if (t instanceof OptimisticLockingException lost) {
        return answer(Response.Status.CONFLICT, lost);
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
