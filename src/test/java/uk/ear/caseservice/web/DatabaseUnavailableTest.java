package uk.ear.caseservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Retry-After of the 503 answered while the database is down is spread, so that the clients
 * refused during an outage do not all come back in the same second when it ends.
 */
class DatabaseUnavailableTest {

  private static final Exception DOWN = DatabaseOutageTest.refused();

  @Test
  void retryAfterIsSpreadOverTheConfiguredSecondsAndTheDetailSaysTheSame() {
    DatabaseUnavailable unavailable = new DatabaseUnavailable(Duration.ofSeconds(5), Duration.ofSeconds(5));
    Set<Integer> seen = new TreeSet<>();
    for (int i = 0; i < 300; i++) {
      Response answer = unavailable.jaxrs("test", "/engine-rest/task", DOWN);
      String retryAfter = answer.getHeaderString("Retry-After");
      seen.add(Integer.parseInt(retryAfter));
      assertThat((String) answer.getEntity()).contains("try again in " + retryAfter + " seconds");
    }
    // 300 draws from six values: each is missing with a chance of (5/6)^300, about 1e-24
    assertThat(seen).containsExactly(5, 6, 7, 8, 9, 10);
  }

  @Test
  void withoutSpreadEveryAnswerSaysTheSameSeconds() {
    DatabaseUnavailable unavailable = new DatabaseUnavailable(Duration.ofSeconds(3), Duration.ZERO);
    for (int i = 0; i < 20; i++) {
      assertThat(unavailable.jaxrs("test", "/api/calls", DOWN).getHeaderString("Retry-After")).isEqualTo("3");
    }
  }
}
