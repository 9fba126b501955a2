package uk.ear.caseservice.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.cases.CaseRecord;
import uk.ear.caseservice.cases.Route;
import uk.ear.caseservice.shared.EarProperties;

/**
 * When a closed case's personal data may go ({@code ear.retention.*}, reasons in
 * docs/data-protection.md):
 *
 * <ul>
 *   <li>referred to the district's own services (no EAR work): {@code referredOutAfterClosure};
 *   <li>about a child (a CHILD subject, or under 18 when the police called): until the youngest
 *       child's {@code childUntilAge}th birthday, and never before the adults' period; a child
 *       without a date of birth counts as born the day of the first call;
 *   <li>otherwise: {@code adultAfterClosure} after closure.
 * </ul>
 *
 * Open cases have no date: they are never erased.
 */
@Component
public class RetentionPolicy {

  private final EarProperties.Retention rules;
  private final ZoneId zone;

  public RetentionPolicy(EarProperties properties) {
    this.rules = properties.retention();
    this.zone = properties.zone();
  }

  public Optional<Instant> erasableFrom(CaseRecord c) {
    if (c.getClosedAt() == null) {
      return Optional.empty();
    }
    ZonedDateTime closed = c.getClosedAt().atZone(zone);
    if (c.getRoute() == Route.REFERRED_OUT) {
      return Optional.of(closed.plus(rules.referredOutAfterClosure()).toInstant());
    }
    Instant adults = closed.plus(rules.adultAfterClosure()).toInstant();
    LocalDate firstCall = c.getReportedAt().atZone(zone).toLocalDate();
    Optional<Instant> children =
        c.getIncidents().stream()
            .flatMap(incident -> incident.getSubjects().stream())
            .filter(s -> s.isChildOn(firstCall))
            .map(s -> s.getDateOfBirth() == null ? firstCall : s.getDateOfBirth())
            .max(Comparator.naturalOrder())
            .map(youngest -> youngest.plusYears(rules.childUntilAge()).atStartOfDay(zone).toInstant());
    return Optional.of(children.filter(until -> until.isAfter(adults)).orElse(adults));
  }

  /** The shortest period of all: no case closed more recently can be due. */
  Instant closedBeforeAnyIsDue(Instant now) {
    ZonedDateTime at = now.atZone(zone);
    ZonedDateTime referred = at.minus(rules.referredOutAfterClosure());
    ZonedDateTime adults = at.minus(rules.adultAfterClosure());
    return (referred.isAfter(adults) ? referred : adults).toInstant();
  }

  Instant auditKeptSince(Instant now) {
    return now.atZone(zone).minus(rules.audit()).toInstant();
  }
}
