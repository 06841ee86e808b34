package org.marginfall.agents.manipulator;

import java.util.Objects;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.util.Checks;
import org.marginfall.core.venue.VenueId;

/**
 * One oracle manipulator: it pumps a thin spot market that a lending venue's oracle reads, posts
 * what it bought (and what it held) as collateral, borrows the most the inflated price allows and
 * never repays.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the population id
 * @param venue the lending venue it borrows from
 * @param asset the pumped asset: a collateral reserve of the venue with a shared spot market
 * @param debtAsset the asset it borrows, a borrowable reserve of the venue
 * @param capital base currency spent on the pump (> 0)
 * @param holding units of {@code asset} it holds and posts as collateral at set-up (>= 0)
 * @param startStep the tick of its first buy (>= 1)
 * @param pumpSteps ticks it buys over (>= 1)
 * @param waitSteps ticks between the tick after its last buy and its borrow (>= 0), for an oracle
 *     with latency
 */
public record OracleManipulatorSpec(
    String id,
    VenueId venue,
    AssetId asset,
    AssetId debtAsset,
    double capital,
    double holding,
    long startStep,
    int pumpSteps,
    int waitSteps)
    implements PopulationSpec {

  /** The registry name. */
  public static final String TYPE = "oracle-manipulator";

  /** Validates the fields. */
  public OracleManipulatorSpec {
    Checks.id(id, "id");
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(debtAsset, "debtAsset");
    if (asset.equals(debtAsset)) {
      throw new IllegalArgumentException("debtAsset: must differ from the pumped asset " + asset);
    }
    Checks.positive(capital, "capital");
    Checks.nonNegative(holding, "holding");
    if (startStep < 1) {
      throw new IllegalArgumentException("startStep: must be >= 1, was " + startStep);
    }
    Checks.positive(pumpSteps, "pumpSteps");
    Checks.nonNegative(waitSteps, "waitSteps");
  }

  /** The tick of the borrow: the tick after the last buy, plus {@code waitSteps}. */
  public long borrowStep() {
    return startStep + pumpSteps + waitSteps;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Population resolve(RandomStreams streams) {
    return new OracleManipulator(this);
  }
}
