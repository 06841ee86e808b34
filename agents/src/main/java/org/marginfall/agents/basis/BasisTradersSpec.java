package org.marginfall.agents.basis;

import java.util.Objects;
import java.util.Set;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.util.Checks;
import org.marginfall.core.venue.VenueId;

/**
 * A population of delta-neutral basis traders: spot collateral on a lending venue, an equal
 * notional short of the same asset's perpetual on a perpetual venue.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the population id
 * @param lendingVenue the lending venue holding the spot leg
 * @param perpVenue the perpetual venue holding the short
 * @param asset the asset: a collateral reserve of the lending venue and a market of the perp venue
 * @param count number of traders
 * @param units spot units each trader supplies as collateral (>= 0)
 * @param marginAsset the asset posted as perp margin (the base currency or a perp collateral asset)
 * @param margin units of {@code marginAsset} each trader deposits as perp margin (>= 0)
 * @param borrowLtv fraction of the collateral value borrowed in base currency into the reserve at
 *     set-up, in [0, 1), capped just below the venue's LTV; 0: no borrowing
 * @param reserve base currency each trader keeps in its reserve account (>= 0)
 * @param topUpBelow perp health under which the trader tops up (> 1)
 * @param topUpTo perp health a top-up restores (> topUpBelow)
 * @param borrowToTopUp whether a top-up the reserve cannot pay is borrowed on the lending venue
 *     within its LTV
 * @param unwindPerpHealth perp health under which the trader unwinds, after topping up (>= 1, below
 *     topUpBelow)
 * @param unwindHealthFactor lending health factor under which the trader unwinds (>= 1)
 */
public record BasisTradersSpec(
    String id,
    VenueId lendingVenue,
    VenueId perpVenue,
    AssetId asset,
    int count,
    Distribution units,
    AssetId marginAsset,
    Distribution margin,
    double borrowLtv,
    Distribution reserve,
    double topUpBelow,
    double topUpTo,
    boolean borrowToTopUp,
    double unwindPerpHealth,
    double unwindHealthFactor)
    implements PopulationSpec {

  /** The registry name. */
  public static final String TYPE = "basis-traders";

  /** Validates the fields. */
  public BasisTradersSpec {
    Checks.id(id, "id");
    Objects.requireNonNull(lendingVenue, "lendingVenue");
    Objects.requireNonNull(perpVenue, "perpVenue");
    Objects.requireNonNull(asset, "asset");
    Checks.positive(count, "count");
    nonNegative(units, "units");
    Objects.requireNonNull(marginAsset, "marginAsset");
    nonNegative(margin, "margin");
    if (!(borrowLtv >= 0 && borrowLtv < 1)) {
      throw new IllegalArgumentException("borrowLtv: must be in [0, 1), was " + borrowLtv);
    }
    nonNegative(reserve, "reserve");
    if (!(topUpBelow > 1 && Double.isFinite(topUpBelow))) {
      throw new IllegalArgumentException(
          "topUpBelow: must be a finite health above 1, was " + topUpBelow);
    }
    if (!(topUpTo > topUpBelow && Double.isFinite(topUpTo))) {
      throw new IllegalArgumentException(
          "topUpTo: must be finite and above topUpBelow (" + topUpBelow + "), was " + topUpTo);
    }
    if (!(unwindPerpHealth >= 1 && unwindPerpHealth < topUpBelow)) {
      throw new IllegalArgumentException(
          "unwindPerpHealth: must be in [1, topUpBelow ("
              + topUpBelow
              + ")), was "
              + unwindPerpHealth);
    }
    if (!(unwindHealthFactor >= 1 && Double.isFinite(unwindHealthFactor))) {
      throw new IllegalArgumentException(
          "unwindHealthFactor: must be finite and >= 1, was " + unwindHealthFactor);
    }
  }

  private static void nonNegative(Distribution d, String field) {
    Objects.requireNonNull(d, field);
    if (!(d.lowerBound() >= 0)) {
      throw new IllegalArgumentException(field + ": must not produce negative amounts");
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Population resolve(RandomStreams streams) {
    return new BasisTraders(this, streams.stream("agents/" + id));
  }

  @Override
  public Set<VenueId> drawsAtSetUp() {
    return borrowLtv > 0 ? Set.of(lendingVenue) : Set.of();
  }
}
