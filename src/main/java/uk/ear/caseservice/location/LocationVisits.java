package uk.ear.caseservice.location;

import java.util.List;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.shared.Teams;

/**
 * For the expressions of VisitVulnerableLocations.bpmn: the visits the morning run planned, and
 * what each visit task shows and who it is for. Read-only: the plan is the service's.
 */
@Component("locationVisits")
public class LocationVisits {

  /** The morning run that opens the visit tasks. */
  public static final String PROCESS_KEY = "VisitVulnerableLocations";

  private final Locations locations;

  LocationVisits(Locations locations) {
    this.locations = locations;
  }

  /** The locations the run {@code processInstanceId} opened a visit for. */
  public List<Long> plannedBy(String processInstanceId) {
    return locations.plannedBy(processInstanceId);
  }

  public String nameOf(long locationId) {
    return locations.get(locationId).getName();
  }

  public String addressOf(long locationId) {
    return locations.get(locationId).getAddress();
  }

  /** The group of the team covering the location's district: it visits with the police. */
  public String teamGroupOf(long locationId) {
    return Teams.groupOf(locations.teamOf(locations.get(locationId)));
  }
}
