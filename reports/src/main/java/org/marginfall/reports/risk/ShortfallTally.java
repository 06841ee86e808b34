package org.marginfall.reports.risk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds up account shortfalls as a run's {@code insurance_payout} and {@code bad_debt} events come
 * in: per venue (first-seen order) and account (sorted), the sum of the amounts. The one place the
 * shortfall of an account is defined, used by the run report (reading {@code events.jsonl}) and by
 * sweeps (listening to a live run), so cover 1 / cover 2 are the same number in both.
 *
 * <p>Mutable and not thread-safe: one tally per run.
 */
public final class ShortfallTally {

  private final Map<String, Map<String, Double>> shortfalls = new LinkedHashMap<>();

  /**
   * Adds one {@code insurance_payout} or {@code bad_debt} amount of {@code account} on {@code
   * venue}.
   */
  public void add(String venue, String account, double amount) {
    shortfalls.computeIfAbsent(venue, v -> new TreeMap<>()).merge(account, amount, Double::sum);
  }

  /** Venue to (account to shortfall), a copy. */
  public Map<String, Map<String, Double>> shortfalls() {
    Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
    shortfalls.forEach((v, m) -> copy.put(v, new TreeMap<>(m)));
    return copy;
  }

  /** The venue's shortfalls against its starting insurance fund {@code fund}. */
  public AccountShortfalls of(String venue, double fund) {
    return new AccountShortfalls(venue, fund, shortfalls.getOrDefault(venue, Map.of()));
  }
}
