package uk.ear.caseservice.location;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import uk.ear.caseservice.cases.District;
import uk.ear.caseservice.policy.ResponsePolicy;
import uk.ear.caseservice.shared.EarProperties;
import uk.ear.caseservice.shared.Teams;

/**
 * The register of vulnerable locations and their joint visits. A team's managers keep their
 * districts' locations; admin keeps all. The morning run opens a visit task for each location
 * due; recording the visit sets the next due date from the location's visit frequency.
 */
@Service
@Transactional
public class Locations {

  private final LocationRepository locations;
  private final LocationVisitRepository visits;
  private final ResponsePolicy policy;
  private final Clock clock;
  private final EarProperties properties;

  Locations(
      LocationRepository locations,
      LocationVisitRepository visits,
      ResponsePolicy policy,
      Clock clock,
      EarProperties properties) {
    this.locations = locations;
    this.visits = visits;
    this.policy = policy;
    this.clock = clock;
    this.properties = properties;
  }

  /** Registers a location; its first visit is due today. */
  public VulnerableLocation register(LocationRequest request, String user, Set<String> groups) {
    District district = request.district();
    mayKeep(district, groups);
    Period every = Period.parse(request.visitEvery());
    return locations.save(
        new VulnerableLocation(
            request.name().strip(),
            request.kind(),
            district,
            request.address().strip(),
            every,
            today(),
            clock.instant(),
            user));
  }

  /**
   * The locations of {@code district} (or of all the caller keeps), the soonest due first. Not
   * read-only: which team covers a district is a decision the engine records in its history.
   */
  public List<VulnerableLocation> list(District district, Set<String> groups) {
    if (district != null) {
      mayKeep(district, groups);
      return locations.findByDistrictInOrderByNextVisitDueAscIdAsc(List.of(district));
    }
    List<District> kept =
        Arrays.stream(District.values()).filter(d -> keeps(d, groups)).toList();
    if (kept.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only a team's managers and admin keep locations");
    }
    return locations.findByDistrictInOrderByNextVisitDueAscIdAsc(kept);
  }

  /** The morning run: every location due and not already being visited gets a visit task. */
  public void planDueVisits(String run) {
    List<VulnerableLocation> due =
        locations.findByVisitOpenFalseAndNextVisitDueLessThanEqualOrderByNextVisitDueAscIdAsc(today()).stream()
            .filter(l -> teamOf(l) != null)
            .toList();
    due.forEach(l -> l.visitPlanned(run));
  }

  @Transactional(readOnly = true)
  public List<Long> plannedBy(String run) {
    return locations.findByPlannedByAndVisitOpenTrueOrderById(run).stream().map(VulnerableLocation::getId).toList();
  }

  @Transactional(readOnly = true)
  public VulnerableLocation get(long id) {
    return locations.findById(id).orElseThrow(() -> new IllegalStateException("no location " + id));
  }

  /** The EAR team that covers the location's district (none: not visited by EAR). */
  public String teamOf(VulnerableLocation l) {
    return policy.teamFor(l.getDistrict());
  }

  /** A joint visit was made: recorded, and the next one falls due. */
  public LocalDate recordVisit(
      long id, Instant visitedAt, String by, String attendees, String concerns, String notes) {
    VulnerableLocation l = get(id);
    visits.save(new LocationVisit(l, visitedAt, by, attendees, concerns, notes, clock.instant()));
    l.visited(visitedAt, visitedAt.atZone(properties.zone()).toLocalDate());
    return l.getNextVisitDue();
  }

  private void mayKeep(District district, Set<String> groups) {
    if (!keeps(district, groups)) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "only the managers of the team covering " + district + " and admin keep its locations");
    }
  }

  /** Admin keeps every district; a manager those of their team. */
  private boolean keeps(District district, Set<String> groups) {
    if (groups.contains(Teams.ADMIN_GROUP)) {
      return true;
    }
    String team = policy.teamFor(district);
    return team != null && groups.contains(Teams.MANAGERS_GROUP) && groups.contains(Teams.groupOf(team));
  }

  private LocalDate today() {
    return clock.instant().atZone(properties.zone()).toLocalDate();
  }
}
