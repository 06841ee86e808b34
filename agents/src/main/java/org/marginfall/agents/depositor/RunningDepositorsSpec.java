package org.marginfall.agents.depositor;

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
 * A population of depositors who supply one asset to a lending venue and run (withdraw everything)
 * when the reserve's utilisation or their receipt's value crosses their threshold.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the population id
 * @param venue the lending venue
 * @param asset the reserve's underlying asset they supply
 * @param count number of depositors
 * @param amount units each supplies (>= 0)
 * @param utilisationAbove the utilisation at which a depositor runs, in (0, 1]; null: off
 * @param valueDrop the fall of the receipt's value per unit of underlying since set-up at which a
 *     depositor runs, in (0, 1); null: off
 * @param fireSale whether a depositor sells what it cannot redeem into the receipt's secondary
 *     market
 * @param maxDiscount the largest discount to NAV at which it still sells, in (0, 1]
 */
public record RunningDepositorsSpec(
    String id,
    VenueId venue,
    AssetId asset,
    int count,
    Distribution amount,
    Distribution utilisationAbove,
    Distribution valueDrop,
    boolean fireSale,
    double maxDiscount)
    implements PopulationSpec {

  /** The registry name. */
  public static final String TYPE = "running-depositors";

  /** Validates the fields. */
  public RunningDepositorsSpec {
    Checks.id(id, "id");
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(asset, "asset");
    Checks.positive(count, "count");
    Objects.requireNonNull(amount, "amount");
    if (!(amount.lowerBound() >= 0)) {
      throw new IllegalArgumentException("amount: must not produce negative amounts");
    }
    if (utilisationAbove == null && valueDrop == null) {
      throw new IllegalArgumentException(
          "utilisationAbove: a run needs a utilisationAbove or a valueDrop trigger");
    }
    if (utilisationAbove != null
        && !(utilisationAbove.lowerBound() > 0 && utilisationAbove.upperBound() <= 1)) {
      throw new IllegalArgumentException("utilisationAbove: must only produce values in (0, 1]");
    }
    if (valueDrop != null && !(valueDrop.lowerBound() > 0 && valueDrop.upperBound() < 1)) {
      throw new IllegalArgumentException("valueDrop: must only produce values in (0, 1)");
    }
    if (!(maxDiscount > 0 && maxDiscount <= 1)) {
      throw new IllegalArgumentException("maxDiscount: must be in (0, 1], was " + maxDiscount);
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Population resolve(RandomStreams streams) {
    return new RunningDepositors(this, streams.stream("agents/" + id));
  }

  @Override
  public Set<VenueId> fundsAtSetUp() {
    return Set.of(venue);
  }
}
