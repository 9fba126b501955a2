package uk.ear.caseservice.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import uk.ear.caseservice.process.CaseProcess;

/**
 * The whole service on a random port, as every end-to-end class sees it. What is declared here is
 * Spring's test-context cache key (with the profiles, e.g. {@link OnH2}): classes that extend this
 * and add the same profiles share one running application. Declare bean overrides here only; one
 * in a subclass gives that class a context of its own, and another minute of start-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class EndToEndTest {

  @LocalServerPort int port;

  /** A spy, so a test can make the process start fail; Mockito resets it after each test. */
  @MockitoSpyBean CaseProcess caseProcess;
}
