package uk.ear.workers.support;

import java.util.List;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.junit.jupiter.api.BeforeEach;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.ear.workers.task.TaskRunner;

/**
 * The workers' application context with the client not fetching: a test hands a task to a topic's
 * runner, as the client would, and checks what the runner told the engine ({@link #engine}) and
 * what reached the real SMTP server and HTTP stubs.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {"workers.engine.fetching=false"})
@ActiveProfiles("test")
public abstract class HandlerTest {

  @Autowired protected List<TaskRunner> runners;
  @Autowired protected JdbcTemplate jdbc;

  protected ExternalTaskService engine;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    WorkersTestProperties.register(registry);
  }

  @BeforeEach
  void resetServers() throws Exception {
    TestServers.smtp().purgeEmailFromAllMailboxes();
    TestServers.caseService().resetAll();
    TestServers.police().resetAll();
    jdbc.update("delete from sent_step");
    engine = Mockito.mock(ExternalTaskService.class);
  }

  protected TaskRunner runner(String topic) {
    return runners.stream()
        .filter(r -> r.handler().topic().equals(topic))
        .findFirst()
        .orElseThrow();
  }

  protected int sentSteps() {
    return jdbc.queryForObject("select count(*) from sent_step", Integer.class);
  }
}
