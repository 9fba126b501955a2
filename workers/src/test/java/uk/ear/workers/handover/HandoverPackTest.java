package uk.ear.workers.handover;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
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
import static org.mockito.Mockito.verify;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.client.exception.EngineException;
import org.camunda.bpm.client.exception.RestException;
import org.camunda.bpm.client.task.ExternalTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.mockito.ArgumentCaptor;
import uk.ear.workers.idempotency.StepKey;
import uk.ear.workers.mail.Mailer;
import uk.ear.workers.support.MailParts;
import uk.ear.workers.support.HandlerTest;
import uk.ear.workers.support.Stubs;
import uk.ear.workers.support.Tasks;
import uk.ear.workers.support.TestServers;

class HandoverPackTest extends HandlerTest {

  private static final String REF = Stubs.CASE_REF;

  private ExternalTask task(String service, Integer retries) {
    return Tasks.task("ear-handover-pack", retries, Map.of("caseRef", REF, "receivingService", service));
  }

  @org.springframework.beans.factory.annotation.Autowired uk.ear.workers.engine.WorkerId workerId;

  @Test
  void mailsTheHandoverSummaryAsAPdfToTheReceivingService() throws Exception {
    Stubs.stubHandoverPack(REF, 12);
    ExternalTask task = task("EARLY_HELP", null);

    runner("ear-handover-pack").execute(task, engine);

    verify(engine).complete(task);
    // read with the API key under this worker's id, which holds the handover task's lock
    TestServers.caseService().verify(
        com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/api/cases/" + REF + "/handover-pack"))
            .withQueryParam("workerId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(workerId.value()))
            .withHeader("X-API-Key", com.github.tomakehurst.wiremock.client.WireMock.matching(".+")));
    assertThat(TestServers.smtp().waitForIncomingEmail(5000, 1)).isTrue();
    MimeMessage[] mails = TestServers.smtp().getReceivedMessages();
    assertThat(mails).hasSize(1);
    MimeMessage mail = mails[0];
    assertThat(mail.getRecipients(Message.RecipientType.TO))
        .extracting(Object::toString)
        .containsExactly("early-help@test.example");
    assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("ear-workers@test.example");
    assertThat(mail.getSubject()).isEqualTo("EAR handover: EAR-2026-000007 to Early Help");
    assertThat(mail.getHeader(Mailer.IDEMPOTENCY_HEADER)).containsExactly(StepKey.of(task).external());

    MailParts parts = MailParts.of(mail);
    assertThat(parts.text())
        .contains(REF)
        .contains("LC-20260601-0421")
        .contains("attached")
        .doesNotContain(Stubs.CHILD_NAME)
        .doesNotContain("Nowak")
        .doesNotContain(Stubs.CHILD_DOB)
        .doesNotContain("17 May 2009");
    assertThat(parts.pdfs()).hasSize(1);
    assertThat(parts.pdfNames()).containsExactly("EAR-handover-EAR-2026-000007.pdf");

    try (PDDocument pdf = Loader.loadPDF(parts.pdfs().get(0))) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text)
          .contains("EAR handover summary: " + REF)
          .contains("Early Help")
          .contains("LC-20260601-0421")
          .contains(Stubs.CHILD_NAME)
          .contains("born 17 May 2009")
          .contains("Łukasz Nowak-Ωmega")
          .contains("Visit 1.")
          .contains("Visit 12.")
          // times in Europe/London
          .contains("1 Jun 2026 09:42 +01:00");
      assertThat(pdf.getNumberOfPages()).as("long records flow onto more pages").isGreaterThan(1);
      assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("EAR handover summary " + REF);
    }
    assertThat(sentSteps()).isEqualTo(1);
  }

  @Test
  void anUnknownReceivingServiceIsTheBpmnErrorAndNothingIsFetchedOrSent() {
    ExternalTask task = task("SPACE_AGENCY", null);

    runner("ear-handover-pack").execute(task, engine);

    verify(engine).handleBpmnError(eq(task), eq("UNKNOWN_RECEIVING_SERVICE"), contains("SPACE_AGENCY"));
    verify(engine, never()).complete(any());
    TestServers.caseService().verify(0, anyRequestedFor(anyUrl()));
    assertThat(TestServers.smtp().getReceivedMessages()).isEmpty();
  }

  @Test
  void aServiceWithoutAConfiguredAddressIsTheBpmnError() {
    ExternalTask task = task("ADULT_SOCIAL_CARE", null);

    runner("ear-handover-pack").execute(task, engine);

    verify(engine)
        .handleBpmnError(
            eq(task),
            eq("UNKNOWN_RECEIVING_SERVICE"),
            contains("workers.handover.addresses.ADULT_SOCIAL_CARE"));
    TestServers.caseService().verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void whenSmtpFailsTheTaskIsRetriedWithBackoffAndNothingIsRecordedUntilItIsSent()
      throws Exception {
    Stubs.stubHandoverPack(REF, 1);
    ExternalTask task = task("CHILDRENS_SOCIAL_CARE", null);
    TestServers.stopSmtp();
    try {
      runner("ear-handover-pack").execute(task, engine);
    } finally {
      TestServers.smtp();
    }

    ArgumentCaptor<String> message = ArgumentCaptor.forClass(String.class);
    ArgumentCaptor<String> details = ArgumentCaptor.forClass(String.class);
    verify(engine).handleFailure(eq(task), message.capture(), details.capture(), eq(3), eq(60000L));
    assertThat(message.getValue())
        .startsWith("the handover pack of EAR-2026-000007 to CHILDRENS_SOCIAL_CARE failed (attempt 1 of 4), retry in PT1M");
    assertThat(details.getValue()).contains("MailSendException");
    assertThat(message.getValue() + details.getValue())
        .doesNotContain(Stubs.CHILD_NAME)
        .doesNotContain(Stubs.CHILD_DOB);
    assertThat(sentSteps()).isZero();

    ExternalTask retry = Tasks.again(task, 3);
    runner("ear-handover-pack").execute(retry, engine);

    verify(engine).complete(retry);
    assertThat(TestServers.smtp().waitForIncomingEmail(5000, 1)).isTrue();
    assertThat(TestServers.smtp().getReceivedMessages()[0].getAllRecipients())
        .extracting(Object::toString)
        .containsExactly("csc@test.example");
  }

  @Test
  void aRetryAfterASuccessfulSendDoesNotMailAgain() throws Exception {
    Stubs.stubHandoverPack(REF, 1);
    ExternalTask first = task("EARLY_HELP", null);
    doThrow(new EngineException("engine unavailable", new RestException("down", "Error", 503)))
        .when(engine)
        .complete(first);

    runner("ear-handover-pack").execute(first, engine);
    assertThat(TestServers.smtp().waitForIncomingEmail(5000, 1)).isTrue();
    ExternalTask again = Tasks.again(first, null);
    runner("ear-handover-pack").execute(again, engine);

    verify(engine).complete(again);
    verify(engine, never()).handleFailure(any(ExternalTask.class), any(), any(), anyInt(), anyLong());
    assertThat(TestServers.smtp().waitForIncomingEmail(500, 2)).isFalse();
    assertThat(TestServers.smtp().getReceivedMessages()).hasSize(1);
  }

  @Test
  void aPackTheWorkersMayNotReadIsAnIncident() {
    ExternalTask task = task("EARLY_HELP", null);

    runner("ear-handover-pack").execute(task, engine);

    verify(engine).handleFailure(eq(task), contains("404"), anyString(), eq(0), eq(0L));
    assertThat(TestServers.smtp().getReceivedMessages()).isEmpty();
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void neitherLogsNorIncidentsCarryNamesOrDatesOfBirth(CapturedOutput output) throws Exception {
    // a pack the workers cannot read: the parser's message would quote the bad date of birth
    TestServers.caseService()
        .stubFor(
            get(urlPathEqualTo("/api/cases/" + REF + "/handover-pack"))
                .willReturn(
                    okJson(
                        Stubs.handoverPackJson(REF, 1)
                            .replace("\"" + Stubs.CHILD_DOB + "\"", "\"17/05/2009\""))));
    ExternalTask unreadable = task("EARLY_HELP", null);
    runner("ear-handover-pack").execute(unreadable, engine);
    // a pack sent, and one whose sending fails
    Stubs.stubHandoverPack(REF, 3);
    runner("ear-handover-pack").execute(task("EARLY_HELP", null), engine);
    TestServers.stopSmtp();
    try {
      runner("ear-handover-pack").execute(task("CHILDRENS_SOCIAL_CARE", null), engine);
    } finally {
      TestServers.smtp();
    }

    ArgumentCaptor<String> messages = ArgumentCaptor.forClass(String.class);
    ArgumentCaptor<String> details = ArgumentCaptor.forClass(String.class);
    verify(engine, org.mockito.Mockito.times(2))
        .handleFailure(any(ExternalTask.class), messages.capture(), details.capture(), anyInt(), anyLong());
    String everything = output.getAll() + messages.getAllValues() + details.getAllValues();
    assertThat(everything)
        .contains(REF)
        .doesNotContain(Stubs.CHILD_NAME)
        .doesNotContain("Nowak")
        .doesNotContain(Stubs.CHILD_DOB)
        .doesNotContain("17/05/2009");
  }
}
