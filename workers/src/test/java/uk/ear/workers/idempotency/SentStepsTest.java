package uk.ear.workers.idempotency;


import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.ear.workers.support.HandlerTest;

/** The idempotency table on H2, the default database (see SentStepsPostgresTest for the other). */
class SentStepsTest extends HandlerTest {

  @Autowired SentSteps sentSteps;

  @Test
  void concurrentAttemptsAtOneStepSendOnce() throws Exception {
    SentStepsContract.concurrentAttemptsAtOneStepSendOnce(sentSteps);
  }

  @Test
  void aFailedSendIsNotRecordedSoTheRetrySends() {
    SentStepsContract.aFailedSendIsNotRecordedSoTheRetrySends(sentSteps);
  }
}
