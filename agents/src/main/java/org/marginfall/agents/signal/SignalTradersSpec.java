package org.marginfall.agents.signal;

import java.util.Objects;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.util.Checks;

/**
 * A population of spot traders following one signal rule on one shared market.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the population id
 * @param rule the decision rule (its scenario type)
 * @param asset the spot asset they trade
 * @param count number of traders
 * @param capital base currency each starts with (>= 0)
 * @param allocation fraction of cash a buy spends (and, for noise traders, of holdings a sale
 *     sells), in (0, 1)
 * @param lookback steps of the momentum return or of the moving average (>= 1; unused by noise
 *     traders)
 * @param threshold per-trader signal threshold (>= 0; unused by noise traders)
 * @param activity probability that a noise trader acts in a step, in [0, 1] (unused by the others)
 */
public record SignalTradersSpec(
    String id,
    SignalRule rule,
    AssetId asset,
    int count,
    Distribution capital,
    double allocation,
    int lookback,
    Distribution threshold,
    double activity)
    implements PopulationSpec {

  /** Validates the fields. */
  public SignalTradersSpec {
    Checks.id(id, "id");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(asset, "asset");
    Checks.positive(count, "count");
    Objects.requireNonNull(capital, "capital");
    if (!(capital.lowerBound() >= 0)) {
      throw new IllegalArgumentException("capital: must not produce negative amounts");
    }
    if (!(allocation > 0 && allocation < 1)) {
      throw new IllegalArgumentException("allocation: must be in (0, 1), was " + allocation);
    }
    if (lookback < 1) {
      throw new IllegalArgumentException("lookback: must be >= 1, was " + lookback);
    }
    Objects.requireNonNull(threshold, "threshold");
    if (!(threshold.lowerBound() >= 0)) {
      throw new IllegalArgumentException("threshold: must not produce negative values");
    }
    Checks.fraction(activity, "activity");
  }

  @Override
  public String type() {
    return rule.type();
  }

  @Override
  public Population resolve(RandomStreams streams) {
    return new SignalTraders(this, streams.stream("agents/" + id));
  }
}
