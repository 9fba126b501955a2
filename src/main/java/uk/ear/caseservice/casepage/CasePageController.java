package uk.ear.caseservice.casepage;

import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import uk.ear.caseservice.activity.Activities;
import uk.ear.caseservice.cases.AdmissionRepository;
import uk.ear.caseservice.cases.CaseAccess;
import uk.ear.caseservice.cases.CaseAuditRepository;
import uk.ear.caseservice.cases.CaseEntryRepository;
import uk.ear.caseservice.cases.CaseLookup;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.cases.CaseRecords;
import uk.ear.caseservice.cases.CaseRepository;
import uk.ear.caseservice.shared.CurrentUser;
import uk.ear.caseservice.shared.EarProperties;

/**
 * The case page for social workers and managers: the whole case in view (people, calls, the
 * allocated worker, deadlines and whether each was met, open tasks, activities, chronology), with
 * the webapps' login and the case record's access rules (404 for a case one may not see). Every
 * view is audited (a refused one too: no transaction here rolls the audit back). The summary is
 * the compact part Tasklist shows above each task form.
 */
@Controller
@RequestMapping("/cases/{caseRef}")
public class CasePageController {

  static final int NOTE_MAX = 4000;

  private final CaseLookup lookup;
  private final CaseRepository cases;
  private final AdmissionRepository admissions;
  private final CaseEntryRepository entries;
  private final CaseAuditRepository audit;
  private final Activities activities;
  private final CaseRecords records;
  private final TaskService tasks;
  private final Clock clock;
  private final EarProperties properties;

  CasePageController(
      CaseLookup lookup,
      CaseRepository cases,
      AdmissionRepository admissions,
      CaseEntryRepository entries,
      CaseAuditRepository audit,
      Activities activities,
      CaseRecords records,
      TaskService tasks,
      Clock clock,
      EarProperties properties) {
    this.lookup = lookup;
    this.cases = cases;
    this.admissions = admissions;
    this.entries = entries;
    this.audit = audit;
    this.activities = activities;
    this.records = records;
    this.tasks = tasks;
    this.clock = clock;
    this.properties = properties;
  }

  @GetMapping
  public String page(@PathVariable String caseRef, Authentication auth, Model model) {
    model.addAttribute("page", page(caseRef, auth, "case page"));
    return "case";
  }

  @GetMapping("/summary")
  public String summary(@PathVariable String caseRef, Authentication auth, Model model) {
    model.addAttribute("page", page(caseRef, auth, "case summary in a task form"));
    return "case-summary";
  }

  /** A case note, at any time: kept in the case record, never in the engine. */
  @PostMapping("/notes")
  public String note(@PathVariable String caseRef, @RequestParam("note") String note, Authentication auth) {
    CaseRecord c =
        lookup.casePage(caseRef, caller(auth), "case note added")
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    String text = note == null ? "" : note.strip();
    if (text.isEmpty() || text.length() > NOTE_MAX) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "A case note needs 1 to " + NOTE_MAX + " characters.");
    }
    records.addEntry(c.getCaseRef(), "CASE_NOTE", null, null, clock.instant(), text, auth.getName());
    return "redirect:/cases/" + c.getCaseRef() + "#chronology";
  }

  private CasePage page(String caseRef, Authentication auth, String detail) {
    CaseRecord c =
        lookup.casePage(caseRef, caller(auth), detail)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    List<CasePage.OpenTask> open =
        tasks.createTaskQuery().processInstanceBusinessKey(c.getCaseRef()).orderByDueDate().asc().list().stream()
            .map(t -> new CasePage.OpenTask(
                t.getName(),
                t.getDueDate() == null ? "" : CasePage.at(t.getDueDate().toInstant(), properties.zone()),
                t.getAssignee() == null ? "not yet taken" : t.getAssignee()))
            .toList();
    return CasePage.of(
        c,
        cases.subjectsOf(c),
        admissions.findByCaseRecordOrderById(c),
        entries.findByCaseRecordOrderByRecordedAtAscIdAsc(c),
        audit.findByCaseRefOrderByIdAsc(c.getCaseRef()),
        activities.of(c.getCaseRef()),
        open,
        clock.instant(),
        properties.zone());
  }

  private static CaseAccess.Caller caller(Authentication auth) {
    return new CaseAccess.Caller(auth.getName(), CurrentUser.groupsOf(auth), null);
  }
}
