package uk.ear.workers.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** The case service's answers as its API contract describes them, and the police system's. */
public final class Stubs {

  public static final String CASE_REF = "EAR-2026-000007";
  public static final String CHILD_NAME = "Jamie Example";
  public static final String CHILD_DOB = "2009-05-17";
  public static final String PARENT_NAME = "Łukasz Nowak-Ωmega";

  private Stubs() {}

  /** GET /api/cases/{ref}; the extra "subjects" is there to show they never reach the police. */
  public static String caseJson(String caseRef, String team) {
    return """
        {"caseRef": "%s", "incidentRefs": ["LC-20260601-0421", "LC-20260603-0077"],
         "stage": "ASSESSMENT", "team": "%s", "grade": 2, "category": "MISSING_PERSON",
         "district": "PRESTON", "route": "JOINT_VISIT", "priority": 80,
         "reportedAt": "2026-06-01T09:42:00+01:00", "responseDueAt": "2026-06-01T10:42:00+01:00",
         "visitedAt": "2026-06-01T09:15:00Z", "respondedInTime": true,
         "openedAt": "2026-06-01T09:43:10+01:00", "closedAt": null,
         "subjects": [{"name": "%s", "dateOfBirth": "%s", "role": "CHILD"}]}
        """
        .formatted(caseRef, team, CHILD_NAME, CHILD_DOB);
  }

  public static String handoverPackJson(String caseRef, int entries) {
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < entries; i++) {
      if (i > 0) {
        list.append(',');
      }
      list.append(
          """
          {"kind": "NOTE", "outcome": "SUPPORT_CONTINUES", "occurredAt": "2026-06-%02dT16:00:00+01:00",
           "recordedAt": "2026-06-%02dT17:30:00+01:00", "recordedBy": "sw.preston1",
           "details": "Visit %d. %s"}
          """
              .formatted(2 + i % 20, 2 + i % 20, i + 1, "Talked with the family about school, sleep and"
                  + " who to call out of hours; agreed the next steps with the parent. ".repeat(4)));
    }
    return """
        {"caseRef": "%s", "team": "PRESTON", "grade": 2, "category": "MISSING_PERSON",
         "district": "PRESTON", "reportedAt": "2026-06-01T09:42:00+01:00",
         "openedAt": "2026-06-01T09:43:10+01:00", "allocatedWorker": "sw.preston1",
         "stage": "HANDOVER", "incidentRefs": ["LC-20260601-0421"],
         "subjects": [{"name": "%s", "dateOfBirth": "%s", "role": "CHILD"},
                      {"name": "%s", "dateOfBirth": null, "role": "PARENT"}],
         "entries": [%s]}
        """
        .formatted(caseRef, CHILD_NAME, CHILD_DOB, PARENT_NAME, list);
  }

  public static void stubCase(String caseRef, String team) {
    TestServers.caseService()
        .stubFor(get(urlPathEqualTo("/api/cases/" + caseRef)).willReturn(okJson(caseJson(caseRef, team))));
  }

  public static void stubHandoverPack(String caseRef, int entries) {
    TestServers.caseService()
        .stubFor(
            get(urlPathEqualTo("/api/cases/" + caseRef + "/handover-pack"))
                .willReturn(okJson(handoverPackJson(caseRef, entries))));
  }

  public static void stubPolice(ResponseDefinitionBuilder answer) {
    TestServers.police().stubFor(post(urlPathEqualTo(TestServers.POLICE_PATH)).willReturn(answer));
  }

  public static void stubPoliceAccepts() {
    stubPolice(aResponse().withStatus(202));
  }
}
