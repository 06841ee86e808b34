package org.marginfall.reports.risk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A venue's shortfalls by account (what its insurance fund paid for the account plus the bad debt
 * the account left, from the run's {@code insurance_payout} and {@code bad_debt} events), and the
 * coverage ratios of its fund against the largest one and two of them: {@code cover1 = fund /
 * s_(1)} and {@code cover2 = fund / (s_(1) + s_(2))}, with {@code s_(1) ≥ s_(2)} the two largest
 * account shortfalls. This is the "Cover 1" / "Cover 2" standard of CPMI-IOSCO, "Principles for
 * financial market infrastructures" (2012), Principle 4 (a central counterparty holds resources to
 * cover the default of the one, or for systemic ones the two, participants that would cause the
 * largest credit exposure), applied to the accounts of one venue. A ratio of at least 1 means the
 * fund alone would have absorbed those failures.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param venue the venue id
 * @param fund the fund compared, in base currency ({@code insuranceFundStart} of the summary)
 * @param shortfalls shortfall per account, accounts in id order
 */
public record AccountShortfalls(String venue, double fund, Map<String, Double> shortfalls) {

  public AccountShortfalls {
    Objects.requireNonNull(venue, "venue");
    shortfalls = Collections.unmodifiableMap(new TreeMap<>(shortfalls));
  }

  /** The shortfalls, largest first (ties by account id). */
  public List<Double> largestFirst() {
    List<Double> values = new ArrayList<>(shortfalls.values());
    values.sort(Collections.reverseOrder());
    return values;
  }

  /** The largest single-account shortfall, 0 if none. */
  public double largest() {
    List<Double> v = largestFirst();
    return v.isEmpty() ? 0 : v.get(0);
  }

  /** The sum of the two largest single-account shortfalls, 0 if none. */
  public double largestTwo() {
    List<Double> v = largestFirst();
    return v.isEmpty() ? 0 : v.get(0) + (v.size() > 1 ? v.get(1) : 0);
  }

  /** {@code fund / largest()}; positive infinity when no account fell short. */
  public double cover1() {
    return ratio(fund, largest());
  }

  /** {@code fund / largestTwo()}; positive infinity when no account fell short. */
  public double cover2() {
    return ratio(fund, largestTwo());
  }

  private static double ratio(double fund, double shortfall) {
    return shortfall > 0 ? fund / shortfall : Double.POSITIVE_INFINITY;
  }
}
