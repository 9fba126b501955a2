package uk.ear.workers.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.junit.jupiter.api.Test;
import uk.ear.workers.support.HandlerTest;
import uk.ear.workers.support.Stubs;
import uk.ear.workers.support.Tasks;
import uk.ear.workers.support.TestServers;

class ManagerAlertTest extends HandlerTest {

  private static final String REF = Stubs.CASE_REF;

  private ExternalTask task(String kind, String receivingService) {
    Map<String, Object> variables = new HashMap<>(Map.of("caseRef", REF, "alertKind", kind));
    if (receivingService != null) {
      variables.put("receivingService", receivingService);
    }
    return Tasks.task("ear-manager-alert", null, variables);
  }

  @Test
  void mailsTheDutyManagerOfTheCasesTeamWithRefsAndLinksOnly() throws Exception {
    Stubs.stubCase(REF, "PRESTON");
    ExternalTask task = task("RESPONSE_WINDOW_MISSED", null);

    runner("ear-manager-alert").execute(task, engine);

    verify(engine).complete(task);
    assertThat(TestServers.smtp().waitForIncomingEmail(5000, 1)).isTrue();
    MimeMessage mail = TestServers.smtp().getReceivedMessages()[0];
    assertThat(mail.getAllRecipients()).extracting(Object::toString)
        .containsExactly("managers-preston@test.example");
    assertThat(mail.getSubject()).isEqualTo("EAR alert: Response window missed - " + REF);
    String text = (String) mail.getContent();
    assertThat(text)
        .contains("police response window passed")
        .contains("LC-20260601-0421")
        .contains("Response was due: 2026-06-01T10:42:00+01:00")
        .contains(
            "https://ear.test.example/camunda/app/cockpit/default/#/process-instance/"
                + task.getProcessInstanceId() + "/runtime")
        .contains("https://ear.test.example/camunda/app/tasklist/default/")
        .doesNotContain(Stubs.CHILD_NAME)
        .doesNotContain(Stubs.CHILD_DOB);
  }

  @Test
  void aTeamWithoutItsOwnAddressGoesToTheDefaultDutyManager() throws Exception {
    Stubs.stubCase(REF, "BURNLEY");
    ExternalTask task = task("HANDOVER_UNACKNOWLEDGED", "EARLY_HELP");

    runner("ear-manager-alert").execute(task, engine);

    verify(engine).complete(task);
    assertThat(TestServers.smtp().waitForIncomingEmail(5000, 1)).isTrue();
    MimeMessage mail = TestServers.smtp().getReceivedMessages()[0];
    assertThat(mail.getAllRecipients()).extracting(Object::toString)
        .containsExactly("duty-manager@test.example");
    assertThat((String) mail.getContent())
        .contains("has not acknowledged the handover")
        .contains("Receiving service: Early Help");
  }

  @Test
  void anUnknownAlertKindIsAnIncident() {
    ExternalTask task = task("COFFEE_EMPTY", null);

    runner("ear-manager-alert").execute(task, engine);

    verify(engine).handleFailure(eq(task), contains("'alertKind'"), anyString(), eq(0), eq(0L));
    assertThat(TestServers.smtp().getReceivedMessages()).isEmpty();
  }
}
