package uk.ear.caseservice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.ear.caseservice.simulate.DemandSimulator;
import uk.ear.caseservice.support.Api;
import uk.ear.caseservice.support.Calls;
import uk.ear.caseservice.support.Casework;
import uk.ear.caseservice.support.Chromium;
import uk.ear.caseservice.support.RequiresChromium;

/**
 * The acceptance criterion in a real browser: sw.preston1 logs in to Tasklist and sees, opens and
 * completes a 'Record joint visit' task whose Camunda Form renders; and asks, from Start process,
 * to close a case early. Shares the Spring context of {@link CaseServiceH2IT} (same {@link
 * EndToEndTest} base and {@link OnH2} profiles).
 */
@OnH2
@RequiresChromium
class TasklistBrowserIT extends EndToEndTest {

  /** form-js 'datetime' in Tasklist 7.24: a flatpickr date field (US order) and an hh:mm field. */
  static final DateTimeFormatter FORM_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
  /** How the date field shows a date it has read: "12/1/2026", with or without leading zeros. */
  static final DateTimeFormatter SHOWN_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");
  static final DateTimeFormatter FORM_TIME = DateTimeFormatter.ofPattern("HH:mm");

  static final By TASK_LIST_ITEMS = By.cssSelector("ol.tasks-list > li.task");
  static final By CLAIM = By.cssSelector("button.claim");
  static final By UNCLAIM = By.cssSelector("button.unclaim");
  static final By COMPLETE = By.xpath("//button[@type='submit' and normalize-space()='Complete']");
  static final By ERROR_MESSAGE = By.cssSelector(".page-notifications .alert-danger .message");
  static final By START_PROCESS = By.cssSelector(".start-process-action a");
  static final By PROCESSES_OFFERED = By.cssSelector(".modal-content ul.processes a");
  static final By START_DIALOG_TITLE = By.cssSelector(".modal-content .modal-header h3.modal-title");
  static final By START = By.xpath("//div[contains(@class, 'modal-footer')]//button[normalize-space()='Start']");
  /** Start process shows the server's refusal in the dialog's own notifications, not the page's. */
  static final By START_ERROR_MESSAGE = By.cssSelector(".modal-body .notifications .alert-danger .message");
  static final By START_ERROR_CLOSE = By.cssSelector(".modal-body .notifications .alert-danger button.close:not(.ng-hide)");
  static final By ERROR_CLOSE = By.cssSelector(".page-notifications .alert-danger button.close:not(.ng-hide)");

  @RegisterExtension final Chromium chromium = new Chromium();

  @org.springframework.beans.factory.annotation.Autowired DemandSimulator simulator;

  Api api;
  WebDriver browser;
  WebDriverWait wait;
  String tasklist;

  @BeforeEach
  void open() {
    api = new Api(port);
    browser = chromium.driver();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    tasklist = "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  @Test
  void aWorkerSeesOpensAndCompletesARecordJointVisitTaskWhoseFormRenders() {
    // logged 40 minutes ago: due in 20, and the quarter hour before now is after the call
    OffsetDateTime reported = OffsetDateTime.now(ENGINE).minusMinutes(40);
    Api.Response created = api.post("police", "/api/calls", Calls.call(Calls.uniqueRef(), 2, "PRESTON", reported));
    assertThat(created.code()).isEqualTo(201);
    String caseRef = created.body().path("caseRef").asText();
    String incidentRef = created.body().path("incidentRef").asText();
    String taskId = onlyTask(caseRef, "Record joint visit").path("id").asText();

    logIn("sw.preston1");

    // sees it: the team's tasks, narrowed to the case as Tasklist's search does (a shareable link)
    String search =
        "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\"" + caseRef + "\",\"name\":\"\"}]";
    browser.get(tasklist + "#/?filter=" + filterId("sw.preston1", "Team tasks")
        + "&searchQuery=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
    By listed = By.cssSelector("ol.tasks-list a[href='#/?task=" + taskId + "']");
    wait.until(numberOfElementsToBe(TASK_LIST_ITEMS, 1));
    wait.until(textToBePresentInElementLocated(listed, "Record joint visit"));

    // opens and claims it
    click(listed);
    wait.until(textToBePresentInElementLocated(By.cssSelector("section.task-card h2.task"), "Record joint visit"));
    click(CLAIM);
    // shown once the claim went through (the list's auto-refresh may hide the Claim button briefly)
    wait.until(visibilityOfElementLocated(UNCLAIM));
    assertThat(api.get("sw.preston1", "/engine-rest/task/" + taskId).body().path("assignee").asText()).isEqualTo("sw.preston1");

    // the Camunda Form renders, with the case's own values in its read-only fields
    WebElement notes = wait.until(visibilityOfElementLocated(labelled("What did you find?")));
    assertThat(notes.getTagName()).isEqualTo("textarea");
    assertThat(browser.findElement(labelled("Case")).getDomProperty("value")).isEqualTo(caseRef);
    assertThat(browser.findElement(labelled("Case")).isEnabled()).isFalse();
    assertThat(browser.findElement(labelled("Police incident")).getDomProperty("value")).isEqualTo(incidentRef);
    assertThat(browser.findElement(labelled("When did you arrive?")).isDisplayed()).isTrue();
    assertThat(browser.findElement(labelled("Time of arrival")).isDisplayed()).isTrue();
    assertThat(browser.findElement(labelled("Who attended")).isDisplayed()).isTrue();
    assertThat(browser.findElement(labelled("Was the person seen?")).getDomProperty("type")).isEqualTo("checkbox");
    List<WebElement> risks = browser.findElements(By.xpath(
        "//label[starts-with(normalize-space(.), 'Immediate risk after the visit')]/following::input[@type='radio']"));
    assertThat(risks).hasSize(3).allMatch(WebElement::isDisplayed);
    assertThat(browser.findElements(RADIO_LABELS))
        .extracting(WebElement::getText).containsExactly("Low", "Medium", "High");

    // filled in through the UI, with an arrival before the police even logged the call: the
    // browser cannot know that, the server refuses it and Tasklist shows why
    LocalDateTime arrived = quarterHourBefore(LocalDateTime.now(ENGINE));
    arrival(arrived.minusMinutes(45));
    type(labelled("Who attended"), "PC Example (PC1234), Priya Shah");
    click(labelled("Was the person seen?"));
    click(radio("Medium"));
    type(labelled("What did you find?"), "Seen at home with a parent. Agreed a safety plan for tonight.");
    click(COMPLETE);
    assertThat(wait.until(visibilityOfElementLocated(ERROR_MESSAGE)).getText()).isEqualTo(
        "Record joint visit: please correct the form. 'When did you arrive?' cannot be before the police logged the call.");
    assertThat(api.get("sw.preston1", "/engine-rest/task/" + taskId).code()).isEqualTo(200);
    assertThat(caseView(caseRef).path("visitedAt").isNull()).isTrue();
    click(ERROR_CLOSE);
    wait.until(invisibilityOfElementLocated(ERROR_MESSAGE));

    // corrected, then completed
    arrival(arrived);
    ((JavascriptExecutor) browser).executeScript("document.activeElement.blur()");
    scrollTo(By.cssSelector(".fjs-container"));
    assertThat(chromium.screenshot("record-joint-visit")).isNotEmptyFile();
    click(COMPLETE);

    // gone from Tasklist; the team's next step for the case is there instead (waiting on what
    // appears, not on what disappears: the list's auto-refresh also empties it for a moment)
    wait.until(textToBePresentInElementLocated(By.cssSelector("ol.tasks-list"), "Assess needs"));
    String assessId = onlyTask(caseRef, "Assess needs").path("id").asText();
    wait.until(textToBePresentInElementLocated(By.cssSelector("ol.tasks-list a[href='#/?task=" + assessId + "']"), "Assess needs"));
    wait.until(numberOfElementsToBe(TASK_LIST_ITEMS, 1));
    assertThat(browser.findElements(listed)).isEmpty();
    assertThat(browser.findElements(ERROR_MESSAGE)).isEmpty();
    assertThat(api.get("sw.preston1", "/engine-rest/task/" + taskId).code()).isEqualTo(404);

    JsonNode visited = caseView(caseRef);
    assertThat(visited.path("stage").asText()).isEqualTo("ASSESSMENT");
    assertThat(visited.path("respondedInTime").asBoolean(false)).isTrue();
    assertThat(visited.path("allocatedWorker").asText()).isEqualTo("sw.preston1");
    // typed as London wall-clock time, stored as that instant
    assertThat(OffsetDateTime.parse(visited.path("visitedAt").asText()).toInstant())
        .isEqualTo(arrived.atZone(LONDON).toInstant());
  }

  @Test
  void aWorkerAsksToCloseACaseEarlyFromTasklistsStartProcessDialog() {
    OffsetDateTime reported = OffsetDateTime.now(ENGINE).minusMinutes(40);
    String prestonRef = newCase("PRESTON", reported);
    String burnleyRef = newCase("BURNLEY", reported);

    logIn("sw.preston1");

    // Start process offers the request only: cases themselves start from police calls
    click(START_PROCESS);
    wait.until(visibilityOfElementLocated(PROCESSES_OFFERED));
    assertThat(browser.findElements(PROCESSES_OFFERED)).extracting(WebElement::getText)
        .containsExactly("Request early closure of a case")
        .doesNotContain("Early action case");
    click(By.xpath("//div[contains(@class, 'modal-content')]//ul[contains(@class, 'processes')]"
        + "//a[normalize-space()='Request early closure of a case']"));

    // its Camunda Form renders in the dialog
    wait.until(textToBePresentInElementLocated(START_DIALOG_TITLE, "Request early closure of a case"));
    WebElement caseRef = wait.until(visibilityOfElementLocated(labelled("Case reference")));
    assertThat(caseRef.getDomProperty("type")).isEqualTo("text");
    assertThat(browser.findElement(select("Why should the case close?")).getText()).isEqualTo("Select");
    assertThat(browser.findElement(labelled("What happened?")).getTagName()).isEqualTo("textarea");

    // another team's case: the server refuses it, the dialog stays open and shows why
    type(labelled("Case reference"), burnleyRef);
    choose("Why should the case close?", "Moved away");
    type(labelled("What happened?"), "The family moved to Leeds last week.");
    click(START);
    assertThat(wait.until(visibilityOfElementLocated(START_ERROR_MESSAGE)).getText())
        .isEqualTo("Request early closure: please correct the form. Your team has no case " + burnleyRef + ".");
    assertThat(tasks("mgr.burnley", burnleyRef)).extracting(t -> t.path("name").asText())
        .containsExactly("Record joint visit");
    click(START_ERROR_CLOSE);
    wait.until(invisibilityOfElementLocated(START_ERROR_MESSAGE));

    // the team's own case: started, and the manager has the decision
    type(labelled("Case reference"), prestonRef);
    choose("Why should the case close?", "Declined support");
    type(labelled("What happened?"), "Mum told us on the phone that the family wants no more contact.");
    click(START);
    wait.until(invisibilityOfElementLocated(START_DIALOG_TITLE));
    assertThat(browser.findElements(START_ERROR_MESSAGE)).isEmpty();
    List<JsonNode> approvals = tasks("mgr.preston", prestonRef).stream()
        .filter(t -> t.path("name").asText().equals("Approve early closure")).toList();
    assertThat(approvals).hasSize(1);
    String approval = "/engine-rest/task/" + approvals.get(0).path("id").asText();
    assertThat(api.get("mgr.preston", approval + "/variables/requestedClosureReason").body().path("value").asText())
        .isEqualTo("DECLINED_SUPPORT");
    assertThat(chromium.screenshot("request-early-closure")).isNotEmptyFile();
  }

  /**
   * The extension a worker may ask for comes from the service's setting, not from the form: the
   * "Extend by" select lists the weeks "Start intensive support" offered (1 to 6 by default), and
   * the choice reaches the manager as a number of weeks.
   */
  @Test
  void aWorkerAsksToExtendTheSupportByTheWeeksTheServiceOffers() {
    String caseRef = newCase("PRESTON", OffsetDateTime.now(ENGINE).minusMinutes(40));
    completeByRest(caseRef, "Record joint visit", java.util.Map.of());
    completeByRest(caseRef, "Assess needs", java.util.Map.of("assessmentOutcome", "INTENSIVE_SUPPORT"));
    completeByRest(caseRef, "Write support plan", java.util.Map.of());
    // the review a week before the end falls due
    var management = processEngine.getManagementService();
    management.executeJob(management.createJobQuery().timers().activityId("Event_SupportReviewDue").list().stream()
        .filter(job -> processEngine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(job.getProcessInstanceId()).processInstanceBusinessKey(caseRef).count() == 1)
        .findFirst().orElseThrow().getId());
    String reviewId = onlyTask(caseRef, "Review case before support ends").path("id").asText();

    logIn("sw.preston1");
    browser.get(tasklist + "#/?filter=" + filterId("sw.preston1", "My tasks") + "&task=" + reviewId);
    wait.until(textToBePresentInElementLocated(By.cssSelector("section.task-card h2.task"), "Review case before support ends"));
    click(radio("Extend the support"));
    click(select("Extend by"));
    By offered = By.xpath("//div[contains(@class, 'fjs-dropdownlist')]/div[contains(@class, 'fjs-dropdownlist-item')]");
    wait.until(numberOfElementsToBe(offered, 6));
    assertThat(browser.findElements(offered)).extracting(WebElement::getText)
        .containsExactly("1 week", "2 weeks", "3 weeks", "4 weeks", "5 weeks", "6 weeks");
    click(By.xpath("//div[contains(@class, 'fjs-dropdownlist')]/div[contains(@class, 'fjs-dropdownlist-item')"
        + " and normalize-space()='3 weeks']"));
    wait.until(textToBePresentInElementLocated(select("Extend by"), "3 weeks"));
    type(labelled("Review of the support"), "Attending school again; the family asks for three more weeks.");
    scrollTo(By.cssSelector(".fjs-container"));
    assertThat(chromium.screenshot("review-support-extend")).isNotEmptyFile();
    click(COMPLETE);

    wait.until(d -> !tasks("mgr.preston", caseRef).isEmpty()
        && tasks("mgr.preston", caseRef).get(0).path("name").asText().equals("Approve support extension"));
    assertThat(browser.findElements(ERROR_MESSAGE)).isEmpty();
    String approval = "/engine-rest/task/" + tasks("mgr.preston", caseRef).get(0).path("id").asText();
    JsonNode weeks = api.get("mgr.preston", approval + "/variables/extensionWeeks").body();
    assertThat(weeks.path("type").asText()).isEqualTo("Integer");
    assertThat(weeks.path("value").asInt()).isEqualTo(3);
  }

  /**
   * The case in context: "Assess needs" opens with who the case is about and what the police
   * reported (the case service's summary, framed above the form), and once completed the
   * assessment is in the case page's chronology.
   */
  @Test
  void aWorkerSeesTheCaseAboveTheAssessmentAndFindsItInTheChronology() {
    String name = "Robin Context " + java.util.UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> call = Calls.with(Calls.call(), "subjects", List.of(Calls.person(name, "2010-04-03", "CHILD")));
    Api.Response created = api.post("police", "/api/calls", call);
    String caseRef = created.body().path("caseRef").asText();
    completeByRest(caseRef, "Record joint visit", java.util.Map.of());
    String assessId = taskNamed(caseRef, "Assess needs").path("id").asText();
    // claimed beforehand (claiming in Tasklist is the first test's)
    assertThat(api.post("sw.preston1", "/engine-rest/task/" + assessId + "/claim", Map.of("userId", "sw.preston1")).code())
        .isEqualTo(204);

    logIn("sw.preston1");
    browser.get(tasklist + "#/?filter=" + filterId("sw.preston1", "My tasks") + "&task=" + assessId);
    wait.until(textToBePresentInElementLocated(By.cssSelector("section.task-card h2.task"), "Assess needs"));
    By frame = By.cssSelector(".ear-case-context iframe");
    wait.until(visibilityOfElementLocated(frame));
    scrollTo(frame);
    browser.switchTo().frame(browser.findElement(frame));
    wait.until(textToBePresentInElementLocated(By.tagName("body"), name));
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains(name, (String) call.get("summary"), "Open the case page");
    browser.switchTo().defaultContent();
    assertThat(chromium.screenshot("assess-needs-with-case")).isNotEmptyFile();

    // the child's part of the assessment, the person's views, the risk and the decision
    type(labelled("The child's developmental needs"), "Missing school since Easter; otherwise well.");
    type(labelled("Parenting capacity"), "Mum warm and consistent; struggles with boundaries at night.");
    type(labelled("Family and environmental factors"), "Settled housing; grandmother nearby.");
    type(labelled("The person's own views and wishes"), "Wants to go back to school with a friend.");
    click(radio("Medium"));
    type(labelled("Why this risk rating"), "Safe at home now; went missing twice this year.");
    type(labelled("Your decision and why"), "Home is safe tonight; mum agrees to school meeting.");
    click(radio("No further action"));
    click(COMPLETE);
    wait.until(d -> taskNamed(caseRef, "Assess needs") == null);
    assertThat(browser.findElements(ERROR_MESSAGE)).isEmpty();

    browser.get("http://localhost:" + port + "/cases/" + caseRef);
    wait.until(textToBePresentInElementLocated(By.id("chronology"), "Chronology"));
    String page = browser.findElement(By.tagName("body")).getText();
    assertThat(page).contains(name, "Assessment", "No further action", "Home is safe tonight",
        "Parenting capacity: Mum warm and consistent", "Their views and wishes: Wants to go back to school");
    assertThat(chromium.screenshot("case-page")).isNotEmptyFile();
  }

  /**
   * A manager's dashboard: logged in to the webapps as mgr.preston, every chart draws Preston's
   * figures (a visit in time, a missed window and its escalation, open cases, a caseload) and no
   * Burnley figure appears anywhere, in the page's text or in a chart's labels.
   */
  @Test
  void aManagerSeesEveryChartOfTheDashboardWithOnlyTheirTeamsFigures() {
    // a fortnight of demand up to this morning, so the charts look like the service's
    java.time.Instant morning = ENGINE.instant();
    simulator.simulate(morning.minus(Duration.ofDays(14)), morning, new DemandSimulator.Settings(60, 0.08, 4, 14));
    OffsetDateTime now = OffsetDateTime.now(ENGINE);
    String visited = callReported("PRESTON", now.minusMinutes(30));
    completeByRest(visited, "Record joint visit", Map.of());
    String missed = callReported("PRESTON", now.minusHours(2));
    new Casework(api).runJobs(missed);
    String burnley = callReported("BURNLEY", now.minusMinutes(30));
    assertThat(burnley).isNotBlank();

    logIn("mgr.preston");
    browser.get("http://localhost:" + port + "/dashboard");
    wait.until(d -> d.findElements(By.cssSelector("[data-chart][data-rendered='true']")).size() == 6);
    JavascriptExecutor js = (JavascriptExecutor) browser;
    for (String chart : List.of("districts", "responseWindows", "openCases", "caseloads", "escalations")) {
      assertThat(((Number) js.executeScript("return window.earDashboard.points(arguments[0])", chart)).intValue())
          .as("points of %s", chart).isPositive();
    }
    assertThat(browser.findElements(By.cssSelector("#heatmap td")).stream().filter(td -> !td.getText().isBlank()))
        .isNotEmpty();
    assertThat(browser.findElement(By.id("overdue")).getText()).contains(missed);
    assertThat(browser.findElement(By.id("status")).getText()).isEmpty();
    String everything =
        browser.findElement(By.tagName("body")).getText() + js.executeScript("return window.earDashboard.labels().join('|')");
    assertThat(everything).containsIgnoringCase("Preston").doesNotContainIgnoringCase("Burnley").doesNotContain(burnley);
    // the whole page in one picture (the README shows it)
    assertThat(chromium.fullPageScreenshot("dashboard")).isNotEmptyFile();
  }

  private String callReported(String district, OffsetDateTime at) {
    Api.Response created = api.post("police", "/api/calls", Calls.call(Calls.uniqueRef(), 2, district, at));
    assertThat(created.code()).isEqualTo(201);
    return created.body().path("caseRef").asText();
  }

  /**
   * The DASH risk checklist in Tasklist: 27 questions answered yes, no or not known. Fourteen
   * "yes" answers refer the case to MARAC, counted by the service, whatever the browser says.
   */
  @Test
  void aWorkerFillsTheDashChecklistAndFourteenYesAnswersReferToMarac() {
    Map<String, Object> call = Calls.with(Calls.call(), "category", "DOMESTIC_ABUSE");
    call = Calls.with(call, "subjects", List.of(Calls.person("Alex Browser", "1990-02-03", "ADULT")));
    Api.Response created = api.post("police", "/api/calls", call);
    assertThat(created.code()).isEqualTo(201);
    String caseRef = created.body().path("caseRef").asText();
    completeByRest(caseRef, "Record joint visit", java.util.Map.of());
    String dashId = taskNamed(caseRef, "Complete DASH risk checklist").path("id").asText();

    logIn("sw.preston1");
    browser.get(tasklist + "#/?filter=" + filterId("sw.preston1", "My tasks") + "&task=" + dashId);
    wait.until(textToBePresentInElementLocated(By.cssSelector("section.task-card h2.task"), "Complete DASH risk checklist"));
    for (int n = 1; n <= 27; n++) {
      // each question's options, in the form's order: Yes, No, Not known
      click(By.xpath("(//label[starts-with(normalize-space(.), '" + n + ". ')]/following::input[@type='radio'])["
          + (n <= 14 ? 1 : 2) + "]"));
    }
    type(labelled("Anything else the risk assessment should know"), "Victim is planning to leave; needs a refuge place.");
    scrollTo(By.cssSelector(".fjs-container"));
    assertThat(chromium.screenshot("dash-checklist")).isNotEmptyFile();
    click(COMPLETE);

    wait.until(d -> taskNamed(caseRef, "Refer to MARAC") != null);
    assertThat(browser.findElements(ERROR_MESSAGE)).isEmpty();
    JsonNode dash = null;
    for (JsonNode a : api.get("admin", "/api/cases/" + caseRef).body().path("activities")) {
      if (a.path("kind").asText().equals("DOMESTIC_ABUSE_RISK")) {
        dash = a;
      }
    }
    assertThat(dash).isNotNull();
    assertThat(dash.path("score").asInt()).isEqualTo(14);
    assertThat(dash.path("outcome").asText()).isEqualTo("HIGH_RISK_SCORE");
  }

  /**
   * Data protection: nothing a worker types into a task form stays in the browser. Tasklist's
   * Save (also run when a session expires) would keep a draft in localStorage; here it keeps
   * nothing, and after the worker leaves the task and logs out no trace of the form is left.
   */
  @Test
  void nothingTypedIntoAFormStaysInTheBrowser() {
    String caseRef = newCase("PRESTON", OffsetDateTime.now(ENGINE).minusMinutes(40));
    String taskId = onlyTask(caseRef, "Record joint visit").path("id").asText();
    String teamTasks = tasklist + "#/?filter=" + filterId("sw.preston1", "Team tasks");
    logIn("sw.preston1");
    browser.get(teamTasks);
    By listed = By.cssSelector("ol.tasks-list a[href='#/?task=" + taskId + "']");
    click(listed);
    wait.until(textToBePresentInElementLocated(By.cssSelector("section.task-card h2.task"), "Record joint visit"));
    click(CLAIM);
    wait.until(visibilityOfElementLocated(UNCLAIM));

    String marker = "DRAFT-" + java.util.UUID.randomUUID();
    type(labelled("Who attended"), marker + " PC Example");
    type(labelled("What did you find?"), marker + " Seen at home with a parent.");
    // no Add Comment either: a comment's text would stay in the engine, outside the case record
    assertThat(browser.findElements(By.cssSelector(".createCommentLink"))).noneMatch(WebElement::isDisplayed);
    // no Save offered; Tasklist's own save action (as on an expired session) keeps nothing
    By save = By.cssSelector(".form-actions button[ng-click^='save']");
    assertThat(browser.findElements(save)).isNotEmpty().noneMatch(WebElement::isDisplayed);
    ((JavascriptExecutor) browser).executeScript("arguments[0].click()", browser.findElement(save));
    assertThat(browserStorage()).doesNotContain(marker).doesNotContain("camunda-form:");

    // leaves the task for the list, then logs out
    browser.get(teamTasks);
    wait.until(visibilityOfElementLocated(TASK_LIST_ITEMS));
    click(By.cssSelector("li.account a.dropdown-toggle"));
    click(By.cssSelector("li.account li.logout a"));
    wait.until(visibilityOfElementLocated(By.cssSelector("form[name='signinForm']")));
    assertThat(browserStorage()).doesNotContain(marker).doesNotContain("camunda-form:").doesNotContain("camForm:");
    // the task is as the worker left it on the server: claimed, nothing stored
    assertThat(api.get("sw.preston1", "/engine-rest/task/" + taskId).body().path("assignee").asText()).isEqualTo("sw.preston1");
  }

  /** Everything this browser keeps for the site: localStorage and sessionStorage, as text. */
  private String browserStorage() {
    return (String) ((JavascriptExecutor) browser).executeScript(
        "return JSON.stringify(Object.assign({}, window.localStorage))"
            + " + JSON.stringify(Object.assign({}, window.sessionStorage))");
  }

  /** A step before the one under test, done over REST as Tasklist would submit its form. */
  private void completeByRest(String caseRef, String name, java.util.Map<String, Object> values) {
    String id = onlyTask(caseRef, name).path("id").asText();
    JsonNode form = api.get("sw.preston1", "/engine-rest/task/" + id + "/deployed-form").body();
    Api.Response done = api.post("sw.preston1", "/engine-rest/task/" + id + "/submit-form",
        uk.ear.caseservice.support.FormFiller.submission(form, values));
    assertThat(done.code()).as("%s: %s", name, done.body()).isEqualTo(204);
  }

  private String newCase(String district, OffsetDateTime reported) {
    Api.Response created = api.post("police", "/api/calls", Calls.call(Calls.uniqueRef(), 2, district, reported));
    assertThat(created.code()).isEqualTo(201);
    return created.body().path("caseRef").asText();
  }

  // --- Tasklist

  /** Through Tasklist's own login form; every demo user's password is "demo". */
  private void logIn(String user) {
    browser.get(tasklist);
    wait.until(visibilityOfElementLocated(By.cssSelector("form[name='signinForm'] input[ng-model='username']"))).sendKeys(user);
    browser.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    wait.until(visibilityOfElementLocated(By.partialLinkText("Team tasks")));
  }

  /**
   * A radio option by its text: Camunda's form-js wraps the input in its label, Operaton's puts
   * the label after the input.
   */
  private static By radio(String option) {
    String text = xpathString(option);
    return By.xpath("//input[@type='radio'][parent::label[normalize-space(.)=" + text + "]"
        + " or following-sibling::label[1][normalize-space(.)=" + text + "]]");
  }

  /** Every radio option's label, in either markup. */
  static final By RADIO_LABELS =
      By.xpath("//label[input[@type='radio'] or preceding-sibling::input[@type='radio']]");

  /** A form control by its label (form-js labels point at their control; ids are generated). */
  private By labelled(String label) {
    return new By() {
      @Override
      public List<WebElement> findElements(SearchContext context) {
        return context.findElements(By.xpath("//label[starts-with(normalize-space(.), " + xpathString(label) + ")]")).stream()
            .map(l -> l.getDomAttribute("for"))
            .filter(id -> id != null && !id.isEmpty())
            .flatMap(id -> context.findElements(By.id(id)).stream())
            .toList();
      }

      @Override
      public String toString() {
        return "control labelled '" + label + "'";
      }
    };
  }

  /** form-js 'select': the label points at a hidden input; the worker sees and clicks its display. */
  private By select(String label) {
    return By.xpath("//label[starts-with(normalize-space(.), " + xpathString(label) + ")]"
        + "/following-sibling::div[contains(@class, 'fjs-input-group')]/div[contains(@class, 'fjs-select-display')]");
  }

  /**
   * Opens the select's drop-down list and picks the option with that label. The list toggles on
   * a click, and form-js may open or close it by itself while focus moves (it opens when focus
   * comes back to the select, e.g. after an error message is closed). So each look either picks
   * the option, if the list shows it, or clicks the select, until the select shows the option: a
   * click that closed a list which was just opening is made good by the next look.
   */
  private void choose(String label, String option) {
    By item = By.xpath("//div[contains(@class, 'fjs-dropdownlist')]/div[contains(@class, 'fjs-dropdownlist-item')"
        + " and normalize-space()=" + xpathString(option) + "]");
    scrollTo(select(label));
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.ElementNotInteractableException.class)
        .withMessage(() -> "option '" + option + "' of '" + label + "' chosen")
        .until(d -> {
          if (d.findElement(select(label)).getText().strip().equals(option)) {
            return true;
          }
          Optional<WebElement> shown = d.findElements(item).stream().filter(WebElement::isDisplayed).findFirst();
          if (shown.isPresent()) {
            shown.get().click();
          } else {
            d.findElement(select(label)).click();
          }
          return false;
        });
  }

  /**
   * form-js datetime in Tasklist 7.24: a flatpickr date field that takes typed mm/dd/yyyy, and an
   * hh:mm field whose value counts once the worker leaves it (Tab). Tasklist then submits
   * "2026-11-23T10:00+00:00": local time with the browser's offset (the form's utc_offset format).
   */
  private void arrival(LocalDateTime at) {
    type(labelled("When did you arrive?"), at.format(FORM_DATE));
    type(labelled("Time of arrival"), at.format(FORM_TIME));
    WebElement time = browser.findElement(labelled("Time of arrival"));
    time.sendKeys(Keys.TAB);
    wait.until(d -> !time.equals(d.switchTo().activeElement()));
    // the date field shows the day without a leading zero once it has read it ("12/1/2026")
    wait.until(d -> at.toLocalDate().equals(shownDate(d.findElement(labelled("When did you arrive?")).getDomProperty("value")))
        && at.format(FORM_TIME).equals(d.findElement(labelled("Time of arrival")).getDomProperty("value")));
  }

  private static java.time.LocalDate shownDate(String value) {
    try {
      return java.time.LocalDate.parse(value, SHOWN_DATE);
    } catch (java.time.format.DateTimeParseException notYet) {
      return null;
    }
  }

  /**
   * On a quarter hour, because form-js rounds a typed time down to the field's time interval when
   * the field is left, 15 minutes unless the form sets "timeInterval" (18:48 becomes 18:45).
   */
  private static LocalDateTime quarterHourBefore(LocalDateTime time) {
    LocalDateTime minute = time.truncatedTo(ChronoUnit.MINUTES);
    return minute.minusMinutes(minute.getMinute() % 15);
  }

  private void type(By field, String text) {
    click(field);
    browser.findElement(field).sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
  }

  private void click(By locator) {
    scrollTo(locator);
    wait.until(elementToBeClickable(locator)).click();
  }

  /** Tasklist's fixed footer covers the bottom of the task pane: bring elements to the middle. */
  private void scrollTo(By locator) {
    WebElement element = wait.until(visibilityOfElementLocated(locator));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
  }

  private static String xpathString(String text) {
    return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
  }

  // --- the service

  private String filterId(String user, String name) {
    JsonNode filters = api.get(user, "/engine-rest/filter?resourceType=Task&name=" + name).body();
    assertThat(filters).as("filter '%s' of %s", name, user).hasSize(1);
    return filters.get(0).path("id").asText();
  }

  private JsonNode onlyTask(String caseRef, String name) {
    Api.Response tasks = api.get("sw.preston1", "/engine-rest/task?processInstanceBusinessKey=" + caseRef);
    assertThat(tasks.code()).isEqualTo(200);
    assertThat(tasks.body()).extracting(t -> t.path("name").asText()).containsExactly(name);
    return tasks.body().get(0);
  }

  /** sw.preston1's task of that name in the case, or null. */
  private JsonNode taskNamed(String caseRef, String name) {
    return tasks("sw.preston1", caseRef).stream()
        .filter(t -> t.path("name").asText().equals(name))
        .findFirst()
        .orElse(null);
  }

  /** The tasks of the case that the user may see. */
  private List<JsonNode> tasks(String user, String caseRef) {
    Api.Response tasks = api.get(user, "/engine-rest/task?processInstanceBusinessKey=" + caseRef);
    assertThat(tasks.code()).isEqualTo(200);
    return StreamSupport.stream(tasks.body().spliterator(), false).toList();
  }

  private JsonNode caseView(String caseRef) {
    return api.get("admin", "/api/cases/" + caseRef).body();
  }}
