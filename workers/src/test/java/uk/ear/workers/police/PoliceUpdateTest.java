package uk.ear.workers.police;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.Map;
import org.camunda.bpm.client.exception.EngineException;
import org.camunda.bpm.client.exception.RestException;
import org.camunda.bpm.client.task.ExternalTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import uk.ear.workers.idempotency.StepKey;
import uk.ear.workers.support.HandlerTest;
import uk.ear.workers.support.Stubs;
import uk.ear.workers.support.Tasks;
import uk.ear.workers.support.TestServers;

class PoliceUpdateTest extends HandlerTest {

  @org.springframework.beans.factory.annotation.Autowired uk.ear.workers.engine.WorkerId workerId;

  private static final String REF = Stubs.CASE_REF;

  private ExternalTask task(String event, Integer retries) {
    return Tasks.task("ear-police-update", retries, Map.of("caseRef", REF, "policeEvent", event));
  }

  @Test
  void postsTheUpdateWithTheApiKeyAndTheStepsIdempotencyKeyAndNoPersonalData() {
    Stubs.stubCase(REF, "PRESTON");
    Stubs.stubPoliceAccepts();
    ExternalTask task = task("VISITED", null);

    runner("ear-police-update").execute(task, engine);

    verify(engine).complete(task);
    // the API key, no Basic, and the worker id under whose lock the case is read
    TestServers.caseService()
        .verify(getRequestedFor(urlPathEqualTo("/api/cases/" + REF))
            .withHeader("X-API-Key", equalTo("test-workers-api-key-0123456789"))
            .withoutHeader("Authorization")
            .withQueryParam("workerId", equalTo(workerId.value())));
    TestServers.police()
        .verify(
            1,
            postRequestedFor(urlPathEqualTo(TestServers.POLICE_PATH))
                .withHeader("X-Api-Key", equalTo("test-police-key"))
                .withHeader("Idempotency-Key", equalTo(StepKey.of(task).external()))
                .withHeader("Content-Type", matching("application/json.*"))
                // exactly these fields: times in Europe/London with their offset (BST here)
                .withRequestBody(
                    equalToJson(
                        """
                        {"incidentRefs": ["LC-20260601-0421", "LC-20260603-0077"],
                         "caseRef": "EAR-2026-000007", "event": "VISITED", "stage": "ASSESSMENT",
                         "team": "PRESTON", "occurredAt": "2026-06-01T10:15:00+01:00",
                         "visitedAt": "2026-06-01T10:15:00+01:00", "respondedInTime": true}
                        """,
                        false,
                        false)));
    LoggedRequest posted = TestServers.police().findAll(postRequestedFor(urlPathEqualTo(TestServers.POLICE_PATH))).get(0);
    assertThat(posted.getBodyAsString())
        .doesNotContain(Stubs.CHILD_NAME)
        .doesNotContain(Stubs.CHILD_DOB)
        .doesNotContain("subjects");
    assertThat(posted.getHeader("Idempotency-Key")).matches("[0-9a-f-]{36}");
    assertThat(sentSteps()).isEqualTo(1);
  }

  @Test
  void attachedUpdateTellsWhenTheCaseWasOpenedAndThatThereWasNoVisitYet() {
    TestServers.caseService()
        .stubFor(
            com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/cases/" + REF))
                .willReturn(
                    com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        """
                        {"caseRef": "EAR-2026-000007", "incidentRefs": ["LC-20261204-0001"],
                         "stage": "AWAITING_VISIT", "team": "BURNLEY",
                         "openedAt": "2026-12-04T18:05:00Z", "visitedAt": null,
                         "respondedInTime": null}
                        """)));
    Stubs.stubPoliceAccepts();
    ExternalTask task = task("ATTACHED", null);

    runner("ear-police-update").execute(task, engine);

    verify(engine).complete(task);
    TestServers.police()
        .verify(
            postRequestedFor(urlPathEqualTo(TestServers.POLICE_PATH))
                .withRequestBody(
                    equalToJson(
                        """
                        {"incidentRefs": ["LC-20261204-0001"], "caseRef": "EAR-2026-000007",
                         "event": "ATTACHED", "stage": "AWAITING_VISIT", "team": "BURNLEY",
                         "occurredAt": "2026-12-04T18:05:00+00:00", "visitedAt": null,
                         "respondedInTime": null}
                        """,
                        false,
                        false)));
  }

  @ParameterizedTest(name = "retries {0} before -> {1} after, next try in {2} ms")
  @CsvSource(
      nullValues = "null",
      value = {"null, 3, 60000", "3, 2, 300000", "2, 1, 900000", "1, 0, 0"})
  void serverErrorsAreRetriedWithTheConfiguredBackoffThenLeftAsAnIncident(
      Integer before, int after, long delay) {
    Stubs.stubCase(REF, "PRESTON");
    Stubs.stubPolice(aResponse().withStatus(503).withBody("maintenance until 02:00"));
    ExternalTask task = task("CLOSED", before);

    runner("ear-police-update").execute(task, engine);

    ArgumentCaptor<String> message = ArgumentCaptor.forClass(String.class);
    ArgumentCaptor<String> details = ArgumentCaptor.forClass(String.class);
    verify(engine).handleFailure(eq(task), message.capture(), details.capture(), eq(after), eq(delay));
    verify(engine, never()).complete(any());
    assertThat(message.getValue())
        .contains("CLOSED police update of " + REF)
        .contains("503")
        .contains("maintenance until 02:00");
    if (after == 0) {
      assertThat(message.getValue()).contains("failed after 4 attempts");
    } else {
      assertThat(message.getValue()).contains("retry in");
    }
    assertThat(details.getValue()).contains("PoliceUnavailable");
    assertThat(sentSteps()).isZero();
  }

  @Test
  void aTimeoutIsRetried() {
    Stubs.stubCase(REF, "PRESTON");
    Stubs.stubPolice(aResponse().withStatus(202).withFixedDelay(2500));
    ExternalTask task = task("ATTACHED", null);

    runner("ear-police-update").execute(task, engine);

    verify(engine)
        .handleFailure(eq(task), contains("I/O error on POST"), contains("HttpTimeoutException"),
            eq(3), eq(60000L));
    assertThat(sentSteps()).isZero();
  }

  @ParameterizedTest
  @CsvSource({"400", "422"})
  void aRejectedUpdateIsAnIncidentAtOnceWithThePoliceSystemsMessage(int status) {
    Stubs.stubCase(REF, "PRESTON");
    Stubs.stubPolice(
        aResponse()
            .withStatus(status)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"message\": \"event VISITED before ATTACHED for EAR-2026-000007\"}"));
    ExternalTask task = task("VISITED", null);

    runner("ear-police-update").execute(task, engine);

    ArgumentCaptor<String> message = ArgumentCaptor.forClass(String.class);
    verify(engine).handleFailure(eq(task), message.capture(), anyString(), eq(0), eq(0L));
    assertThat(message.getValue())
        .contains(String.valueOf(status))
        .contains("event VISITED before ATTACHED for EAR-2026-000007");
    TestServers.police().verify(1, postRequestedFor(urlPathEqualTo(TestServers.POLICE_PATH)));
  }

  @Test
  void aRetryAfterASuccessfulPostDoesNotPostAgain() {
    Stubs.stubCase(REF, "PRESTON");
    Stubs.stubPoliceAccepts();
    ExternalTask first = task("VISITED", null);
    // the POST succeeded but completing the task did not (engine unreachable, lock expired, ...)
    doThrow(new EngineException("engine unavailable", new RestException("down", "Error", 503)))
        .when(engine)
        .complete(first);

    runner("ear-police-update").execute(first, engine);
    ExternalTask again = Tasks.again(first, null);
    runner("ear-police-update").execute(again, engine);

    TestServers.police().verify(1, postRequestedFor(urlPathEqualTo(TestServers.POLICE_PATH)));
    verify(engine).complete(again);
    verify(engine, never()).handleFailure(any(ExternalTask.class), any(), any(), anyInt(), anyLong());
    assertThat(sentSteps()).isEqualTo(1);
  }

  @Test
  void anotherStepOfTheSameCaseIsPostedAgain() {
    Stubs.stubCase(REF, "PRESTON");
    Stubs.stubPoliceAccepts();

    runner("ear-police-update").execute(task("VISITED", null), engine);
    runner("ear-police-update").execute(task("VISITED", null), engine);

    TestServers.police().verify(2, postRequestedFor(urlPathEqualTo(TestServers.POLICE_PATH)));
    assertThat(sentSteps()).isEqualTo(2);
  }

  @Test
  void aCaseTheWorkersMayNotSeeIsAnIncidentAndNothingIsPosted() {
    TestServers.caseService().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/cases/" + REF)).willReturn(notFound()));
    ExternalTask task = task("ATTACHED", null);

    runner("ear-police-update").execute(task, engine);

    verify(engine).handleFailure(eq(task), contains("404"), anyString(), eq(0), eq(0L));
    TestServers.police().verify(0, postRequestedFor(urlPathEqualTo(TestServers.POLICE_PATH)));
  }

  @Test
  void theCaseServiceBeingDownIsRetried() {
    TestServers.caseService().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/cases/" + REF)).willReturn(aResponse().withStatus(502)));
    ExternalTask task = task("ATTACHED", null);

    runner("ear-police-update").execute(task, engine);

    verify(engine).handleFailure(eq(task), contains("502"), anyString(), eq(3), eq(60000L));
    TestServers.police().verify(0, postRequestedFor(urlPathEqualTo(TestServers.POLICE_PATH)));
  }

  @Test
  void anUnknownEventIsAnIncident() {
    ExternalTask task = task("ARRESTED", null);

    runner("ear-police-update").execute(task, engine);

    verify(engine).handleFailure(eq(task), contains("'policeEvent'"), anyString(), eq(0), eq(0L));
    verify(engine, times(0)).complete(any());
  }
}
