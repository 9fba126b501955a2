package uk.ear.caseservice.dashboard;

import java.util.List;

/** Nearest-rank percentiles of whole minutes, as a manager reads "90 % were seen within …". */
final class Percentiles {

  private Percentiles() {}

  /** The {@code p}th percentile (0 < p ≤ 100) of {@code sorted}, or null if there is none. */
  static Long of(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
