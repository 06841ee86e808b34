package org.marginfall.experiments.internal.twin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.marginfall.core.event.BadDebt;
import org.marginfall.core.event.InsurancePayout;
import org.marginfall.core.event.LiquidationEvent;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.metric.RunListener;

/**
 * Collects, per venue and owner, what liquidations took from a run's accounts, so a run can be
 * matched with its twin owner by owner (docs/outputs.md, {@code twin-comparison.json}).
 *
 * <p>The owner of a venue account is its ledger path without the venue id and without a trailing
 * asset id ({@code perp-a/accounts/traders/007/ETH} is owner {@code accounts/traders/007} of {@code
 * perp-a}), so the several isolated-margin accounts of one trader, or the vaults of one owner, are
 * one owner, and the same trader is the same owner under cross and isolated margin.
 *
 * <p>Per owner: whether it was liquidated (any {@link LiquidationEvent}, whatever its venue
 * family), the liquidated notional and the penalty its equity paid as those events state them, and
 * the shortfall it left: what insurance funds and surplus buffers paid for it ({@code
 * insurance_payout} events) and the bad debt nothing covered ({@code bad_debt} events). One run's
 * listener; not thread-safe.
 */
public final class AccountOutcomes implements RunListener {

  /**
   * What liquidations took from one owner on one venue.
   *
   * @param liquidated whether any liquidation event named it
   * @param notional liquidated notional, base currency
   * @param penalty equity lost to liquidation penalties, base currency
   * @param insured shortfall covered by the venue's insurance fund or surplus buffer, base currency
   * @param badDebt bad debt it left, base currency
   */
  public record Outcome(
      boolean liquidated, double notional, double penalty, double insured, double badDebt) {
    static final Outcome NONE = new Outcome(false, 0, 0, 0, 0);

    /**
     * Penalty plus shortfall (insured and uncovered): the capital its liquidations cost, borne by
     * the owner, the venue's buffer or its creditors.
     */
    public double loss() {
      return penalty + insured + badDebt;
    }

    Outcome plus(Outcome o) {
      return new Outcome(
          liquidated || o.liquidated,
          notional + o.notional,
          penalty + o.penalty,
          insured + o.insured,
          badDebt + o.badDebt);
    }
  }

  private final Set<String> assets;
  private final Map<String, Map<String, Outcome>> byVenue = new LinkedHashMap<>();

  /**
   * A listener for a run whose ledger counts {@code assets} (to recognise a trailing asset
   * segment).
   */
  public AccountOutcomes(Set<String> assets) {
    this.assets = Set.copyOf(assets);
  }

  @Override
  public void onEvent(SimEvent event) {
    if (event instanceof LiquidationEvent l) {
      add(l.venue(), l.account(), new Outcome(true, l.notional(), l.penalty(), 0, 0));
    } else if (event instanceof InsurancePayout p) {
      add(p.venue(), p.account(), new Outcome(false, 0, 0, p.amount(), 0));
    } else if (event instanceof BadDebt b) {
      add(b.venue(), b.account(), new Outcome(false, 0, 0, 0, b.amount()));
    }
  }

  private void add(String venue, String account, Outcome outcome) {
    byVenue
        .computeIfAbsent(venue, v -> new TreeMap<>())
        .merge(owner(venue, account, assets), outcome, Outcome::plus);
  }

  /** The owners of {@code venue} that any event named, sorted by owner. */
  public Map<String, Outcome> owners(String venue) {
    return java.util.Collections.unmodifiableMap(
        new TreeMap<>(byVenue.getOrDefault(venue, Map.of())));
  }

  /**
   * The owner of {@code account} on {@code venue}: the path without the venue id and a trailing
   * asset id.
   */
  static String owner(String venue, String account, Set<String> assets) {
    String rest = account.startsWith(venue + "/") ? account.substring(venue.length() + 1) : account;
    int slash = rest.lastIndexOf('/');
    if (slash > 0 && assets.contains(rest.substring(slash + 1))) {
      rest = rest.substring(0, slash);
    }
    return rest;
  }
}
