package uk.ear.caseservice.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static uk.ear.caseservice.process.ProcessScenario.candidateUsers;
import static uk.ear.caseservice.process.ProcessScenario.groups;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import uk.ear.caseservice.cases.CaseAuditRepository;
import uk.ear.caseservice.cases.CaseEntry;
import uk.ear.caseservice.cases.CaseEntryRepository;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.cases.CaseRepository;
import uk.ear.caseservice.cases.Category;
import uk.ear.caseservice.cases.District;
import uk.ear.caseservice.cases.Incident;
import uk.ear.caseservice.cases.Stage;
import uk.ear.caseservice.cases.SubjectRole;
import uk.ear.caseservice.policy.Deadlines;
import uk.ear.caseservice.policy.EngineClock;
import uk.ear.caseservice.policy.OutOfHours;
import uk.ear.caseservice.policy.ResponseDecision;
import uk.ear.caseservice.policy.ResponsePolicy;
import uk.ear.caseservice.policy.TestEarProperties;
import uk.ear.caseservice.policy.WorkingCalendar;
import uk.ear.caseservice.shared.EarProperties;

/**
 * EarlyActionCase on a bare engine with the service's own rules, not mocks: the DMN decisions,
 * deadlines on England and Wales working days (jollyday), Emergency Duty Team hours, the team
 * directory, every delegate and form listener. Only the database behind the case record is a
 * mock; the processes the case calls are the real ones. This is where the clock matters: Friday nights, bank holidays, the two clock changes,
 * and forms the server refuses. The process tests walk every path.
 */
@Deployment(
    resources = {
      "processes/EarlyActionCase.bpmn",
      "processes/IntensiveSupport.bpmn",
      "processes/Handover.bpmn",
      "processes/ResponseWindow.dmn",
      "processes/TeamForDistrict.dmn",
      // the forms too: refusals quote their labels, as the worker sees them
      "forms/ApproveClosure.form",
      "forms/ApproveEarlyClosure.form",
      "forms/ApproveExtension.form",
      "forms/AssessNeeds.form",
      "forms/ChaseHandover.form",
      "forms/ChooseAnotherService.form",
      "forms/ChooseReceivingServices.form",
      "forms/FixReceivingService.form",
      "forms/HoldStrategyDiscussion.form",
      "forms/RecordHandoverResponse.form",
      "forms/RecordJointVisit.form",
      "forms/RecordWeeklyReview.form",
      "forms/ReviewDeclinedHandover.form",
      "forms/ReviewMissedResponse.form",
      "forms/ReviewOutOfHoursVisit.form",
      "forms/ReviewOverdueVisit.form",
      "forms/ReviewRepeatIncident.form",
      "forms/ReviewSupportNearEnd.form",
      "forms/ScreenCall.form",
      "forms/WriteSupportPlan.form"
    })
class EarlyActionCaseServiceRulesTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder()
          .configurationResource(ProcessTestEngine.CONFIGURATION)
          .build();

  static final String TEAM_GROUP = "ear-preston";
  static final String EDT = "emergency-duty-team";
  static final String WORKER = "sw.preston1";
  static final String MANAGER = "mgr.preston";
  static final String EDT_WORKER = "edt.duty";
  static final Map<String, List<String>> USERS =
      Map.of(
          WORKER, List.of(TEAM_GROUP),
          MANAGER, List.of(TEAM_GROUP, "ear-managers"),
          EDT_WORKER, List.of(EDT));

  final EarProperties properties = TestEarProperties.london();
  final Clock clock = new EngineClock(properties.zone());
  final WorkingCalendar calendar = new WorkingCalendar(Set.of());
  final OutOfHours outOfHours = new OutOfHours(calendar, properties);
  final Deadlines deadlines = new Deadlines(clock, calendar, outOfHours, properties);
  final CaseRepository cases = mock(CaseRepository.class);
  final CaseEntryRepository entries = mock(CaseEntryRepository.class);
  final CaseRecords records =
      new CaseRecords(cases, entries, mock(CaseAuditRepository.class), clock);
  final Map<String, CaseRecord> caseRecords = new HashMap<>();
  ResponsePolicy policy;
  CaseProcess caseProcess;
  long nextCase = 1;

  @BeforeEach
  void wireTheServiceAsSpringDoes(ProcessEngine processEngine) throws Exception {
    init(processEngine);
    when(cases.findByCaseRef(anyString()))
        .thenAnswer(call -> Optional.ofNullable(caseRecords.get(call.getArgument(0, String.class))));
    TeamDirectory teams = new TeamDirectory(identityService());
    policy = new ResponsePolicy(decisionService(), deadlines);
    caseProcess = new CaseProcess(runtimeService(), authorizationService(), teams, properties);

    Mocks.register("deadlines", deadlines);
    Mocks.register("teamDirectory", teams);
    Mocks.register("allocation", new Allocation(outOfHours, clock));
    registerComponents();

    USERS.forEach(
        (id, groups) -> {
          User user = identityService().newUser(id);
          identityService().saveUser(user);
          groups.forEach(
              group -> {
                if (identityService().createGroupQuery().groupId(group).count() == 0) {
                  Group g = identityService().newGroup(group);
                  identityService().saveGroup(g);
                }
                identityService().createMembership(id, group);
              });
        });
  }

  @AfterEach
  void reset() {
    identityService().clearAuthentication();
    USERS.keySet().forEach(identityService()::deleteUser);
    List.of(TEAM_GROUP, "ear-managers", EDT).forEach(identityService()::deleteGroup);
    authorizationService().createAuthorizationQuery().list().stream()
        .map(Authorization::getId)
        .forEach(authorizationService()::deleteAuthorization);
    Mocks.reset();
    ClockUtil.reset();
  }

  // --- out of hours: Friday night, bank holidays, an ordinary morning ----------------------------

  @Test
  void onAFridayEveningEdtSeesTheCallAndTheMondayTeamReviewsWhatItDid() {
    // Friday 4 October 2013, 17:42 BST: EDT has been on since 16:30
    ProcessInstance pi = call(2, "2013-10-04T16:42:00Z");
    Task visit = taskAt("Task_RecordJointVisit");
    Assertions.assertThat(groups(visit)).containsExactlyInAnyOrder(TEAM_GROUP, EDT);
    assertThat(visit).hasDueDate(date("2013-10-04T17:42:00Z"));
    Assertions.assertThat(visit.getPriority()).isEqualTo(90);

    at("2013-10-04T17:50:00Z");
    completeAs(EDT_WORKER, visit, visitForm("2013-10-04T18:20"));

    // EDT does not keep the case: the team reviews the visit on Monday, 08:45 + 2 hours
    assertThat(pi).isWaitingAt("Task_ReviewOutOfHoursVisit");
    Task review = taskAt("Task_ReviewOutOfHoursVisit");
    Assertions.assertThat(groups(review)).containsExactly(TEAM_GROUP);
    assertThat(review).hasDueDate(date("2013-10-07T09:45:00Z"));
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "allocatedWorker")).isNull();
    CaseRecord c = caseOf(pi);
    Assertions.assertThat(c.getVisitedAt()).isEqualTo(Instant.parse("2013-10-04T17:20:00Z"));
    Assertions.assertThat(c.getRespondedInTime()).isTrue();
    Assertions.assertThat(c.getAllocatedWorker()).isNull();
    Assertions.assertThat(savedEntries()).extracting(CaseEntry::getRecordedBy).containsExactly(EDT_WORKER);

    at("2013-10-07T08:00:00Z");
    completeAs(WORKER, review, Map.of("handoverFromEdtNotes", "Taking on: GP appointment Tuesday."));
    assertThat(pi).isWaitingAt("Task_AssessNeeds");
    Assertions.assertThat(caseOf(pi).getAllocatedWorker()).isEqualTo(WORKER);
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "allocatedWorker")).isEqualTo(WORKER);
    // Monday 7 October 09:00 BST: five working days on is Monday 14 October, 17:00 BST
    assertThat(taskAt("Task_AssessNeeds")).hasDueDate(date("2013-10-14T16:00:00Z"));
  }

  @Test
  void onABankHolidayEdtIsOnAllDayAndTheTeamsOwnWorkerKeepsTheCaseItVisits() {
    // Monday 26 August 2013, the summer bank holiday, 11:00 BST
    ProcessInstance pi = call(2, "2013-08-26T10:00:00Z");
    Assertions.assertThat(groups(taskAt("Task_RecordJointVisit")))
        .containsExactlyInAnyOrder(TEAM_GROUP, EDT);

    at("2013-08-26T10:50:00Z");
    completeAs(WORKER, taskAt("Task_RecordJointVisit"), visitForm("2013-08-26T11:40"));

    // the team's own worker visited: no out-of-hours review, the worker keeps the case
    assertThat(pi).hasNotPassed("Task_ReviewOutOfHoursVisit").isWaitingAt("Task_AssessNeeds");
    Assertions.assertThat(caseOf(pi).getAllocatedWorker()).isEqualTo(WORKER);
    // five working days from a bank holiday: Tuesday to Friday, then Monday 2 September, 17:00 BST
    assertThat(taskAt("Task_AssessNeeds")).hasDueDate(date("2013-09-02T16:00:00Z"));
  }

  @Test
  void onChristmasEveEveningADeskScreeningIsDueAfterTheTwoBankHolidays() {
    // Tuesday 24 December 2013, 18:00 GMT, grade 4: screening by the next working day
    ProcessInstance pi = call(4, "2013-12-24T18:00:00Z");
    assertThat(pi).isWaitingAt("Task_ScreenCall");
    Task screening = taskAt("Task_ScreenCall");
    Assertions.assertThat(groups(screening)).containsExactlyInAnyOrder(TEAM_GROUP, EDT);
    // Christmas Day and Boxing Day are bank holidays: Friday 27 December, 17:00 GMT
    assertThat(screening).hasDueDate(date("2013-12-27T17:00:00Z"));
    Assertions.assertThat(screening.getPriority()).isLessThan(90);

    // the team's worker who screens it on Friday keeps the case: the handover is theirs
    at("2013-12-27T09:30:00Z");
    completeAs(
        WORKER, screening, Map.of("screeningOutcome", "REFER_ON", "screeningNotes", "Known to Early Help."));
    assertThat(pi).isWaitingAt("CallActivity_HandOverToCoreServices");
    assertThat(taskAt("Task_ChooseReceivingServices")).isAssignedTo(WORKER);
    Assertions.assertThat(caseOf(pi).getAllocatedWorker()).isEqualTo(WORKER);
    Assertions.assertThat(caseOf(pi).getStage()).isEqualTo(Stage.HANDOVER);
  }

  @Test
  void onAnOrdinaryWeekdayMorningOnlyTheTeamSeesTheCall() {
    // Thursday 3 October 2013, 11:00 BST
    call(3, "2013-10-03T10:00:00Z");
    Task visit = taskAt("Task_RecordJointVisit");
    Assertions.assertThat(groups(visit)).containsExactly(TEAM_GROUP);
    // grade 3 ranks below grade 2 in Tasklist
    Assertions.assertThat(visit.getPriority()).isLessThan(90);
  }

  // --- the clock changes -------------------------------------------------------------------------

  @Test
  void aResponseWindowOverTheAutumnClockChangeIsFortyEightRealHours() {
    // Saturday 26 October 2013, 12:00 BST; the clocks go back at 02:00 BST on Sunday
    ProcessInstance pi = call(3, "2013-10-26T11:00:00Z");
    // due Monday 28 October at 11:00 GMT, which is 48 hours on, not 12:00 by the wall clock
    Instant due = Instant.parse("2013-10-28T11:00:00Z");
    assertThat(taskAt("Task_RecordJointVisit")).hasDueDate(Date.from(due));
    Job window = timerAt(pi, "BoundaryEvent_ResponseWindowMissed");
    Assertions.assertThat(window.getDuedate()).isEqualTo(Date.from(due));

    at("2013-10-28T10:59:59Z");
    Assertions.assertThat(executableTimers(pi)).isEmpty();
    at("2013-10-28T11:00:00Z");
    Assertions.assertThat(executableTimers(pi)).extracting(Job::getId).containsExactly(window.getId());
    execute(window);

    Task review = taskAt("Task_ReviewMissedResponse");
    Assertions.assertThat(candidateUsers(review)).containsExactly(MANAGER);
    assertThat(review).hasDueDate(date("2013-10-28T13:00:00Z"));
    CaseRecord c = caseOf(pi);
    Assertions.assertThat(c.getResponseMissedAt()).isEqualTo(due);
    Assertions.assertThat(c.getRespondedInTime()).isFalse();
    // grade 3: still not visited 12 hours later, all managers hear of it
    Assertions.assertThat(timerAt(pi, "BoundaryEvent_VisitStillOverdue").getDuedate())
        .isEqualTo(date("2013-10-28T23:00:00Z"));
  }

  @Test
  void aVisitAtOneThirtyOnTheNightTheClocksGoBackIsReadAsTheLaterOneThirty() {
    // Sunday 27 October 2013, 01:10 BST (00:10 UTC), grade 2: due 01:10 GMT (01:10 UTC)
    ProcessInstance pi = call(2, "2013-10-27T00:10:00Z");
    assertThat(taskAt("Task_RecordJointVisit")).hasDueDate(date("2013-10-27T01:10:00Z"));

    // recorded at 02:15 GMT: "01:30" happened twice, the later one was after the window
    at("2013-10-27T02:15:00Z");
    completeAs(WORKER, taskAt("Task_RecordJointVisit"), visitForm("2013-10-27T01:30"));
    CaseRecord c = caseOf(pi);
    Assertions.assertThat(c.getVisitedAt()).isEqualTo(Instant.parse("2013-10-27T01:30:00Z"));
    Assertions.assertThat(c.getRespondedInTime()).isFalse();
  }

  @Test
  void aResponseWindowOverTheSpringClockChangeEndsInBritishSummerTime() {
    // Saturday 30 March 2013, 12:00 GMT, grade 3: 48 hours on is Monday 1 April, 13:00 BST
    ProcessInstance pi = call(3, "2013-03-30T12:00:00Z");
    Assertions.assertThat(timerAt(pi, "BoundaryEvent_ResponseWindowMissed").getDuedate())
        .isEqualTo(date("2013-04-01T12:00:00Z"));
    // a Saturday: EDT is on
    Assertions.assertThat(groups(taskAt("Task_RecordJointVisit"))).contains(EDT);
  }

  @Test
  void sixWeeksOfSupportAndAnExtensionEndAtTheSameTimeOfDayAcrossTheClockChange() {
    // Monday 2 September 2013, 10:00 BST: visited, assessed, intensive support starts
    ProcessInstance pi = call(3, "2013-09-02T08:00:00Z");
    at("2013-09-02T09:00:00Z");
    completeAs(WORKER, taskAt("Task_RecordJointVisit"), visitForm("2013-09-02T09:40"));
    completeAs(WORKER, taskAt("Task_AssessNeeds"), assessmentForm("INTENSIVE_SUPPORT"));
    assertThat(pi).isWaitingAt("CallActivity_ProvideIntensiveSupport");
    assertThat(taskAt("Task_WriteSupportPlan")).isAssignedTo(WORKER);
    Assertions.assertThat(caseOf(pi).getStage()).isEqualTo(Stage.INTENSIVE_SUPPORT);
    // six weeks: Monday 14 October 10:00 BST; the closing review a week before
    Assertions.assertThat(caseOf(pi).getSupportEndsAt()).isEqualTo(Instant.parse("2013-10-14T09:00:00Z"));
    completeAs(
        WORKER,
        taskAt("Task_WriteSupportPlan"),
        Map.of("supportGoals", "Safe at home; school every day.", "supportPlanNotes", "Two visits a week."));
    Job review = timerAt(pi, "Event_SupportReviewDue");
    Assertions.assertThat(review.getDuedate()).isEqualTo(date("2013-10-07T09:00:00Z"));

    at("2013-10-07T09:00:00Z");
    execute(review);
    Task nearEnd = taskAt("Task_ReviewSupportNearEnd");
    assertThat(nearEnd).hasDueDate(date("2013-10-14T09:00:00Z"));

    // seven weeks is more than the one extension allows: refused, the review stays open
    assertThatThrownBy(() -> completeAs(WORKER, nearEnd, supportReview("EXTEND", 7)))
        .rootCause()
        .isInstanceOf(FormRejectedException.class)
        .hasMessageContaining("'Extend by' must be between 1 and 6.");
    assertThat(taskAt("Task_ReviewSupportNearEnd")).isNotNull();

    completeAs(WORKER, nearEnd, supportReview("EXTEND", 3));
    completeAs(
        MANAGER,
        taskAt("Task_ApproveExtension"),
        Map.of("extensionDecision", "APPROVE", "extensionDecisionNotes", "School holidays ahead."));

    // three weeks on from 10:00 BST on 14 October is 10:00 GMT on 4 November, an hour later in UTC
    CaseRecord c = caseOf(pi);
    Assertions.assertThat(c.getSupportEndsAt()).isEqualTo(Instant.parse("2013-11-04T10:00:00Z"));
    Assertions.assertThat(c.isSupportExtended()).isTrue();
    Assertions.assertThat(timerAt(pi, "Event_SupportReviewDue").getDuedate())
        .isEqualTo(date("2013-10-28T10:00:00Z"));
  }

  @Test
  void aWeeklyReviewAfterTheClockChangeIsDueAtCloseOfBusinessInGreenwichMeanTime() {
    // Monday 21 October 2013, 10:00 BST: support starts a week before the clocks go back
    ProcessInstance pi = call(3, "2013-10-21T08:00:00Z");
    at("2013-10-21T09:00:00Z");
    completeAs(WORKER, taskAt("Task_RecordJointVisit"), visitForm("2013-10-21T09:40"));
    completeAs(WORKER, taskAt("Task_AssessNeeds"), assessmentForm("INTENSIVE_SUPPORT"));
    completeAs(WORKER, taskAt("Task_WriteSupportPlan"), Map.of("supportGoals", "g", "supportPlanNotes", "p"));

    Job weekly = timerAt(pi, "BoundaryEvent_WeeklyReview");
    Assertions.assertThat(weekly.getDuedate().toInstant())
        .isBetween(Instant.parse("2013-10-28T09:00:00Z"), Instant.parse("2013-10-28T10:00:00Z"));
    ClockUtil.setCurrentTime(weekly.getDuedate());
    execute(weekly);

    // Monday 28 October (GMT now): two working days on is Wednesday 30 October, 17:00 GMT
    Task review = taskAt("Task_RecordWeeklyReview");
    assertThat(review).isAssignedTo(WORKER).hasDueDate(date("2013-10-30T17:00:00Z"));
    completeAs(WORKER, review, Map.of("contactsThisWeek", 4, "progressNotes", "Calmer.", "riskTrend", "IMPROVING"));
    Assertions.assertThat(savedEntries()).extracting(CaseEntry::getKind).contains("WEEKLY_REVIEW");
  }

  // --- forms the server refuses ------------------------------------------------------------------

  @Test
  void aVisitInTheFutureOrBeforeTheCallIsRefusedAndNothingIsStored() {
    ProcessInstance pi = call(2, "2013-10-03T10:00:00Z");
    Task visit = taskAt("Task_RecordJointVisit");
    at("2013-10-03T10:30:00Z");

    assertThatThrownBy(() -> completeAs(WORKER, visit, visitForm("2013-10-03T12:30")))
        .rootCause()
        .isInstanceOf(FormRejectedException.class)
        .hasMessage("Record joint visit: please correct the form. 'When did you arrive?' cannot be in the future.");
    assertThatThrownBy(() -> completeAs(WORKER, visit, visitForm("2013-10-03T10:59")))
        .rootCause()
        .isInstanceOf(FormRejectedException.class)
        .hasMessageContaining("'When did you arrive?' cannot be before the police logged the call.");
    Map<String, Object> noNotes = new HashMap<>(visitForm("2013-10-03T11:20"));
    noNotes.put("riskLevel", "EXTREME");
    noNotes.remove("visitNotes");
    assertThatThrownBy(() -> completeAs(WORKER, visit, noNotes))
        .rootCause()
        .isInstanceOf(FormRejectedException.class)
        .hasMessageContaining("'Immediate risk after the visit' must be one of HIGH, LOW, MEDIUM.")
        .hasMessageContaining("'What did you find?' is required.");

    // the task is still there to correct, and nothing was written anywhere
    assertThat(pi).isWaitingAt("Task_RecordJointVisit");
    Assertions.assertThat(runtimeService().getVariables(pi.getId())).doesNotContainKeys("visitNotes", "visitedAt");
    verify(entries, never()).save(any());
    Assertions.assertThat(caseOf(pi).getVisitedAt()).isNull();

    completeAs(WORKER, visit, visitForm("2013-10-03T11:20"));
    assertThat(pi).isWaitingAt("Task_AssessNeeds");
    // free text is in the case record, not in the process
    Assertions.assertThat(runtimeService().getVariables(pi.getId()))
        .doesNotContainKeys("visitNotes", "visitAttendees", "visitedAt")
        .containsEntry("riskLevel", "MEDIUM");
  }

  @Test
  void anAssessmentThatChangesTheGradeOrPicksAnUnknownOutcomeIsRefused() {
    ProcessInstance pi = call(2, "2013-10-03T10:00:00Z");
    at("2013-10-03T10:30:00Z");
    completeAs(WORKER, taskAt("Task_RecordJointVisit"), visitForm("2013-10-03T11:25"));
    Task assessment = taskAt("Task_AssessNeeds");

    Map<String, Object> downgraded = new HashMap<>(assessmentForm("NO_FURTHER_ACTION"));
    downgraded.put("grade", 4);
    assertThatThrownBy(() -> completeAs(WORKER, assessment, downgraded))
        .rootCause()
        .isInstanceOf(FormRejectedException.class)
        .hasMessageContaining("These case values cannot be changed from a form: [grade].");
    assertThatThrownBy(() -> completeAs(WORKER, assessment, assessmentForm("CLOSE_IT")))
        .rootCause()
        .isInstanceOf(FormRejectedException.class)
        .hasMessageContaining(
            "'Outcome' must be one of INTENSIVE_SUPPORT, NO_FURTHER_ACTION, REFER_ON, SAFEGUARDING_REFERRAL.");

    assertThat(pi).isWaitingAt("Task_AssessNeeds");
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "grade")).isEqualTo(2);
    Assertions.assertThat(savedEntries()).extracting(CaseEntry::getKind).containsExactly("JOINT_VISIT");
  }

  // --- helpers -----------------------------------------------------------------------------------

  /** A police call about a child in Preston, received a minute after the police logged it. */
  private ProcessInstance call(int grade, String reportedAt) {
    Instant reported = Instant.parse(reportedAt);
    Instant received = reported.plusSeconds(60);
    at(received.toString());
    String caseRef = "EAR-2013-%06d".formatted(nextCase);
    Incident incident =
        new Incident(
            "LC-" + nextCase, "fingerprint-" + nextCase, grade, Category.VULNERABLE_CHILD,
            District.PRESTON, "Ribbleton", "Child found alone at night.", reported,
            "PC 1234", "PC Example", received, "police-integration");
    incident.addSubject("Example Child", LocalDate.of(2009, 5, 1), SubjectRole.CHILD);
    ResponseDecision decision =
        policy.decide(grade, incident.getCategory(), incident.getDistrict(), reported);
    CaseRecord c = new CaseRecord(nextCase++, caseRef, received);
    c.openFor(
        incident, decision.team(), decision.route(), decision.priority(),
        decision.responseDueAt(), decision.secondEscalationAt());
    caseRecords.put(caseRef, c);
    String processInstanceId = caseProcess.start(c, incident);
    c.attachProcess(processInstanceId);
    return runtimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
  }

  /** Completes the task as a Tasklist user of their groups, as Camunda's REST API does. */
  private static void completeAs(String user, Task task, Map<String, Object> form) {
    identityService().setAuthentication(user, USERS.get(user));
    try {
      taskService().complete(task.getId(), form);
    } finally {
      identityService().clearAuthentication();
    }
  }

  /** Form_RecordJointVisit as Tasklist submits it: the arrival time without a zone. */
  private static Map<String, Object> visitForm(String arrivedLondonTime) {
    return Map.of(
        "visitedAt", arrivedLondonTime,
        "visitAttendees", "PC Example",
        "personSeen", true,
        "riskLevel", "MEDIUM",
        "visitNotes", "Child safe with grandmother overnight.");
  }

  private static Map<String, Object> assessmentForm(String outcome) {
    return Map.of(
        "assessmentOutcome", outcome,
        "assessmentSummary", "Needs support at home.",
        "childDevelopmentalNeeds", "Missing school since the move.",
        "parentingCapacity", "Grandmother provides care; mother unwell.",
        "familyAndEnvironment", "Overcrowded flat, no family nearby.",
        "adultWellbeing", "Isolated since the move.",
        "personsViews", "Wants to stay with grandmother.",
        "riskRating", "MEDIUM",
        "riskReasons", "Safe tonight; pattern of going missing.");
  }

  private static Map<String, Object> supportReview(String outcome, int weeks) {
    return Map.of(
        "supportReviewOutcome", outcome, "extensionWeeks", weeks, "supportReviewNotes", "Progress slow.");
  }

  private CaseRecord caseOf(ProcessInstance pi) {
    return caseRecords.get(pi.getBusinessKey());
  }

  private List<CaseEntry> savedEntries() {
    ArgumentCaptor<CaseEntry> saved = ArgumentCaptor.forClass(CaseEntry.class);
    verify(entries, org.mockito.Mockito.atLeast(0)).save(saved.capture());
    return saved.getAllValues();
  }

  /**
   * Registers every delegate and form handler of the service under its bean name, as Spring
   * would (those of RequestCaseClosure excepted: it is not deployed here).
   */
  private void registerComponents() throws Exception {
    var scanner =
        new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(
        new org.springframework.core.type.filter.AssignableTypeFilter(
            org.camunda.bpm.engine.delegate.TaskListener.class));
    scanner.addIncludeFilter(
        new org.springframework.core.type.filter.AssignableTypeFilter(
            org.camunda.bpm.engine.delegate.JavaDelegate.class));
    int handlers = 0;
    for (var candidate : scanner.findCandidateComponents("uk.ear.caseservice")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      var component = type.getAnnotation(org.springframework.stereotype.Component.class);
      if (component == null
          || component.value().equals("closureRequestDelegate")
          // the activities and location visits are processes of their own, tested on their own
          || type.getPackageName().equals("uk.ear.caseservice.activity")
          || type.getPackageName().equals("uk.ear.caseservice.location")
          || uk.ear.caseservice.engine.EveryUserTask.class.isAssignableFrom(type)) {
        continue; // a base class, not part of this process, or added to every task by the engine
      }
      var constructor = type.getDeclaredConstructors()[0];
      constructor.setAccessible(true);
      Object[] args = Arrays.stream(constructor.getParameterTypes()).map(this::bean).toArray();
      Mocks.register(component.value(), constructor.newInstance(args));
      if (CaseFormListener.class.isAssignableFrom(type)) {
        handlers++;
      }
    }
    Assertions.assertThat(handlers).as("form handlers").isEqualTo(22);
    // the teams' activities are processes of their own, tested on their own: none is planned here
    Mocks.register("chooseActivitiesDelegate", (org.camunda.bpm.engine.delegate.JavaDelegate) execution -> {});
    Mocks.register("activityPlan", mock(uk.ear.caseservice.activity.ActivityPlan.class));
  }

  /** The one open task of {@code key} among the case's processes. */
  private static Task taskAt(String key) {
    return taskQuery().taskDefinitionKey(key).singleResult();
  }

  /** The timer on {@code activityId} in the case or a process it called. */
  private static Job timerAt(ProcessInstance pi, String activityId) {
    // (activityId and processInstanceIds together make invalid SQL in Camunda 7.24)
    var instances = instancesOf(pi);
    return managementService().createJobQuery().timers().activityId(activityId).list().stream()
        .filter(job -> instances.contains(job.getProcessInstanceId()))
        .findFirst()
        .orElse(null);
  }

  private static List<Job> executableTimers(ProcessInstance pi) {
    return managementService()
        .createJobQuery()
        .timers()
        .executable()
        .processInstanceIds(instancesOf(pi))
        .list();
  }

  private static java.util.Set<String> instancesOf(ProcessInstance pi) {
    return new java.util.HashSet<>(
        runtimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(pi.getBusinessKey())
            .list()
            .stream()
            .map(ProcessInstance::getId)
            .toList());
  }

  private Object bean(Class<?> type) {
    if (type == FormContext.class) {
      return new FormContext(records, clock, properties);
    }
    if (type == CaseRecords.class) {
      return records;
    }
    if (type == Clock.class) {
      return clock;
    }
    if (type == EarProperties.class) {
      return properties;
    }
    if (type == uk.ear.caseservice.metrics.ServiceMetrics.class) {
      return new uk.ear.caseservice.metrics.ServiceMetrics(
          new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), cases, managementService(), runtimeService(), clock);
    }
    throw new IllegalArgumentException("no test bean of " + type);
  }

  private static void at(String instant) {
    ClockUtil.setCurrentTime(date(instant));
  }

  private static Date date(String instant) {
    return Date.from(Instant.parse(instant));
  }
}
