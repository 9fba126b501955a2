package uk.ear.caseservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Each of our three exception mappers in Camunda's REST API answers a database outage with 503
 * and hands anything else to Camunda's handler of its type, as before, but for a change that lost
 * to a concurrent one (409). (End to end, over HTTP: {@code DatabaseOutageContract}.)
 */
class EngineRestOutageTest {

  static ProcessEngineException lostConnection() {
    return new ProcessEngineException(
        "Process engine persistence exception",
        new SQLException("An I/O error occurred while sending to the backend.", "08006"));
  }

  @Test
  void aRestExceptionAroundAnOutageIs503NotCamundasStatus() {
    // Camunda reads "definition not found" into any failure of the lookup: 404 were it not ours
    RestException wrapped =
        new InvalidRequestException(Response.Status.NOT_FOUND, lostConnection(), "No matching definition");
    unavailable(new EngineRestConfig.RestExceptionAnswers().toResponse(wrapped));

    RestException notFound =
        new InvalidRequestException(Response.Status.NOT_FOUND, "No matching definition with id x");
    assertThat(new EngineRestConfig.RestExceptionAnswers().toResponse(notFound).getStatus()).isEqualTo(404);
  }

  @Test
  void theEnginesOwnExceptionAroundAnOutageIs503() {
    unavailable(new EngineRestConfig.EngineExceptionAnswers().toResponse(lostConnection()));
    assertThat(new EngineRestConfig.EngineExceptionAnswers()
        .toResponse(new ProcessEngineException("Cannot find task")).getStatus()).isEqualTo(500);
  }

  @Test
  void anyOtherExceptionAroundAnOutageIs503() {
    unavailable(new EngineRestConfig.OtherExceptionAnswers().toResponse(
        new CannotCreateTransactionException("Could not open JPA EntityManager for transaction")));
    assertThat(new EngineRestConfig.OtherExceptionAnswers()
        .toResponse(new IllegalStateException("a bug")).getStatus()).isEqualTo(500);
  }

  private static void unavailable(Response response) {
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(Integer.parseInt(response.getHeaderString("Retry-After"))).isBetween(5, 10);
    assertThat(String.valueOf(response.getMediaType())).isEqualTo("application/problem+json");
    assertThat((String) response.getEntity()).contains("\"status\":503");
  }

  @Test
  void aChangeThatLostToAConcurrentOneIs409NotCamundas500() {
    // what the engine throws when two workers complete one external task at the same moment
    OptimisticLockingException lost =
        new OptimisticLockingException(
            "ENGINE-03005 Execution of 'DELETE ExternalTaskEntity[1]' failed. Entity was updated by another transaction concurrently.");

    Response response = new EngineRestConfig.EngineExceptionAnswers().toResponse(lost);

    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(((org.camunda.bpm.engine.rest.dto.ExceptionDto) response.getEntity()).getType())
        .isEqualTo("OptimisticLockingException");
    assertThat(new EngineRestConfig.RestExceptionAnswers()
        .toResponse(new RestException(Response.Status.INTERNAL_SERVER_ERROR, lost, "Cannot complete")).getStatus())
        .isEqualTo(409);
  }

  @Test
  void theServicesOwnApiAnswersALostConcurrentChangeWith409() {
    ApiProblems problems = new ApiProblems();
    for (RuntimeException lost :
        java.util.List.<RuntimeException>of(
            new OptimisticLockingException("ENGINE-03005 ... updated by another transaction concurrently"),
            new org.springframework.orm.ObjectOptimisticLockingFailureException("CaseRecord", 1L))) {
      var answer = problems.changedMeanwhile(lost);
      assertThat(answer.getStatusCode().value()).isEqualTo(409);
      assertThat(((org.springframework.http.ProblemDetail) answer.getBody()).getTitle()).isEqualTo("Changed at the same time");
    }
  }
}
