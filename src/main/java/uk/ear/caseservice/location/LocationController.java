package uk.ear.caseservice.location;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.ear.caseservice.cases.CaseView;
import uk.ear.caseservice.cases.District;
import uk.ear.caseservice.shared.CurrentUser;
import uk.ear.caseservice.shared.EarProperties;

@RestController
@RequestMapping("/api/locations")
@Tag(name = "Vulnerable locations")
public class LocationController {

  private final Locations locations;
  private final EarProperties properties;

  public LocationController(Locations locations, EarProperties properties) {
    this.locations = locations;
    this.properties = properties;
  }

  @GetMapping
  @Operation(
      summary = "List vulnerable locations",
      description =
          "The locations of a district, or of every district the caller keeps: a team's managers"
              + " their team's districts, admin all. The soonest due first. 403 for anyone else.")
  public List<LocationView> list(@RequestParam(required = false) District district, Authentication auth) {
    return locations.list(district, CurrentUser.groupsOf(auth)).stream().map(this::view).toList();
  }

  @PostMapping
  @Operation(
      summary = "Register a vulnerable location",
      description =
          "A children's home, hostel or youth club, visited jointly with the police every"
              + " visitEvery (e.g. P28D). Its first visit is due today: the next morning run opens a"
              + " 'Visit vulnerable location' task for the district's team.")
  @ApiResponse(responseCode = "201", description = "registered")
  @ApiResponse(responseCode = "400", description = "bad input; errors names each field")
  @ApiResponse(responseCode = "403", description = "not a manager of the district's team, nor admin")
  public ResponseEntity<Map<String, Object>> register(
      @Valid @RequestBody LocationRequest request, Authentication auth) {
    VulnerableLocation l = locations.register(request, auth.getName(), CurrentUser.groupsOf(auth));
    LocalDate due = l.getNextVisitDue();
    return ResponseEntity.created(URI.create("/api/locations/" + l.getId()))
        .body(Map.of("locationId", l.getId(), "nextVisitDue", due));
  }

  private LocationView view(VulnerableLocation l) {
    return new LocationView(
        l.getId(),
        l.getName(),
        l.getKind(),
        l.getDistrict(),
        l.getAddress(),
        l.getVisitEvery(),
        l.getNextVisitDue(),
        l.isVisitOpen(),
        CaseView.at(l.getLastVisitedAt(), properties.zone()));
  }
}
