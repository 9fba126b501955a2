package uk.ear.caseservice.simulate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import uk.ear.caseservice.cases.Category;
import uk.ear.caseservice.cases.District;
import uk.ear.caseservice.cases.SubjectRole;

/**
 * The shape of police "early action" calls, from the pilot's own figures ({@code
 * ../shared/domain.md}): about 134 a day county-wide, Preston 15 %, busiest from mid afternoon to
 * midnight and on Fridays and Saturdays. The mixes of districts, grades and categories are this
 * simulation's choice, documented in the README.
 */
final class DemandShape {

  /** Relative calls in each hour of the day (London time): quiet small hours, 15:00-24:00 peak. */
  static final double[] HOURS = {
    3.0, 2.2, 1.6, 1.2, 1.0, 1.0, 1.4, 2.0, 2.8, 3.4, 3.8, 4.0,
    4.2, 4.4, 4.8, 5.8, 6.4, 6.8, 7.0, 7.0, 6.8, 6.4, 5.6, 4.4
  };

  /** Relative calls on each day of the week, Monday first: Friday and Saturday busiest. */
  static final double[] DAYS = {0.92, 0.90, 0.92, 0.96, 1.18, 1.22, 0.90};

  /** Share of calls per district: Preston 15 % (the pilot's figure), Burnley 9 %, the rest spread. */
  static final Map<District, Double> DISTRICTS =
      Map.ofEntries(
          Map.entry(District.PRESTON, 0.15),
          Map.entry(District.BURNLEY, 0.09),
          Map.entry(District.LANCASTER, 0.10),
          Map.entry(District.SOUTH_RIBBLE, 0.08),
          Map.entry(District.CHORLEY, 0.08),
          Map.entry(District.HYNDBURN, 0.08),
          Map.entry(District.PENDLE, 0.08),
          Map.entry(District.WEST_LANCASHIRE, 0.08),
          Map.entry(District.WYRE, 0.08),
          Map.entry(District.FYLDE, 0.07),
          Map.entry(District.ROSSENDALE, 0.06),
          Map.entry(District.RIBBLE_VALLEY, 0.05));

  /** Police grades: 1 emergency 5 %, 2 priority 35 %, 3 scheduled 45 %, 4 no attendance 15 %. */
  static final Map<Integer, Double> GRADES = Map.of(1, 0.05, 2, 0.35, 3, 0.45, 4, 0.15);

  static final Map<Category, Double> CATEGORIES =
      Map.of(
          Category.CONCERN_FOR_SAFETY, 0.30,
          Category.MISSING_PERSON, 0.18,
          Category.VULNERABLE_ADULT, 0.14,
          Category.VULNERABLE_CHILD, 0.12,
          Category.MENTAL_HEALTH, 0.12,
          Category.DOMESTIC_ABUSE, 0.08,
          Category.YOUTH_OFFENDING, 0.04,
          Category.CHILD_SEXUAL_EXPLOITATION, 0.02);

  static final String[] FIRST_NAMES = {
    "Alex", "Bailey", "Casey", "Charlie", "Dylan", "Eden", "Finley", "Harley", "Jamie", "Jesse",
    "Jordan", "Kai", "Logan", "Morgan", "Parker", "Quinn", "Reese", "Riley", "Rowan", "Sam",
    "Skyler", "Taylor", "Toni", "Avery"
  };
  static final String[] SURNAMES = {
    "Ashdown", "Birchall", "Calder", "Dunmore", "Eastwood", "Fairclough", "Greenhalgh", "Hartley",
    "Ingham", "Jolley", "Kershaw", "Lomax", "Marsden", "Nuttall", "Ormerod", "Pilling", "Riley",
    "Sagar", "Tattersall", "Walmsley"
  };

  /** One simulated call: when the police logged it and what they sent. */
  record Call(Instant reportedAt, int grade, Category category, District district, Person person) {}

  record Person(String name, LocalDate dateOfBirth, SubjectRole role) {}

  private DemandShape() {}

  /**
   * The calls logged in {@code [start, end)}, on whole minutes, in time order: a Poisson number
   * each hour, its mean the day's calls shaped by the hour and the weekday. {@code repeatShare}
   * of calls are about somebody already called about in the same district (a repeat incident).
   */
  static List<Call> calls(
      Instant start, Instant end, double perDay, double repeatShare, ZoneId zone, RandomGenerator random) {
    double hourSum = Arrays.stream(HOURS).sum();
    double dayMean = Arrays.stream(DAYS).average().orElse(1);
    List<Call> calls = new ArrayList<>();
    Map<District, List<Person>> seen = new java.util.EnumMap<>(District.class);
    for (Instant hour = start.truncatedTo(ChronoUnit.HOURS); hour.isBefore(end); hour = hour.plus(1, ChronoUnit.HOURS)) {
      ZonedDateTime local = hour.atZone(zone);
      double mean = perDay * HOURS[local.getHour()] / hourSum * DAYS[local.getDayOfWeek().getValue() - 1] / dayMean;
      List<Instant> times = new ArrayList<>();
      for (int i = poisson(mean, random); i > 0; i--) {
        times.add(hour.plus(random.nextInt(60), ChronoUnit.MINUTES));
      }
      times.sort(null);
      for (Instant at : times) {
        if (at.isBefore(start) || !at.isBefore(end)) {
          continue;
        }
        District district = pick(DISTRICTS, random);
        Category category = pick(CATEGORIES, random);
        List<Person> known = seen.computeIfAbsent(district, d -> new ArrayList<>());
        Person person =
            !known.isEmpty() && random.nextDouble() < repeatShare
                ? known.get(random.nextInt(known.size()))
                : person(category, local.toLocalDate(), random);
        known.add(person);
        calls.add(new Call(at, pick(GRADES, random), category, district, person));
      }
    }
    return calls;
  }

  private static Person person(Category category, LocalDate today, RandomGenerator random) {
    boolean child =
        switch (category) {
          case VULNERABLE_CHILD, CHILD_SEXUAL_EXPLOITATION, YOUTH_OFFENDING -> true;
          case MISSING_PERSON -> random.nextDouble() < 0.6;
          default -> random.nextDouble() < 0.1;
        };
    int age = child ? 6 + random.nextInt(12) : 18 + random.nextInt(70);
    LocalDate born = today.minusYears(age).minusDays(random.nextInt(365));
    String name = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " " + SURNAMES[random.nextInt(SURNAMES.length)]
        + "-" + (char) ('A' + random.nextInt(26)) + (char) ('a' + random.nextInt(26)) + (char) ('a' + random.nextInt(26));
    return new Person(name, born, child ? SubjectRole.CHILD : SubjectRole.ADULT);
  }

  static <T> T pick(Map<T, Double> shares, RandomGenerator random) {
    double total = shares.values().stream().mapToDouble(Double::doubleValue).sum();
    double r = random.nextDouble() * total;
    // a fixed order, so a seed gives the same month every time
    List<Map.Entry<T, Double>> entries = new ArrayList<>(shares.entrySet());
    entries.sort(java.util.Comparator.comparing(e -> e.getKey().toString()));
    for (Map.Entry<T, Double> e : entries) {
      r -= e.getValue();
      if (r < 0) {
        return e.getKey();
      }
    }
    return entries.get(entries.size() - 1).getKey();
  }

  /** Knuth's method: fine for the few calls an hour brings. */
  static int poisson(double mean, RandomGenerator random) {
    double limit = Math.exp(-mean);
    double p = random.nextDouble();
    int k = 0;
    while (p > limit) {
      p *= random.nextDouble();
      k++;
    }
    return k;
  }
}
