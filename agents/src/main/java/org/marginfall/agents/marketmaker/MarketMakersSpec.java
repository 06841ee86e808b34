package org.marginfall.agents.marketmaker;

import java.util.Objects;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.util.Checks;

/**
 * A population of market makers quoting depth in one shared market.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the population id
 * @param market the asset whose shared market (spot or secondary) they quote
 * @param count number of makers, each quoting {@code share / count} of the scenario depth
 * @param share the fraction of the scenario depth the population quotes, in (0, 1]
 * @param withdrawAbove annualised volatility above which a maker withdraws (distribution, > 0)
 * @param restoreRatio a maker restores below {@code restoreRatio * withdrawAbove}, in (0, 1)
 * @param withdrawStep fraction of its quote a maker withdraws per step above the threshold, in (0,
 *     1]
 * @param restoreStep fraction of its quote a maker restores per step below the lower threshold, in
 *     (0, 1]
 * @param maxWithdrawal the most of its quote a maker withdraws, in (0, 1)
 * @param lambda EWMA decay of the squared log returns, in (0, 1)
 * @param initialVol annualised volatility the estimate starts from (>= 0)
 * @param stepsPerYear steps in a year: 31,536,000 / the run's stepSeconds
 */
public record MarketMakersSpec(
    String id,
    AssetId market,
    int count,
    double share,
    Distribution withdrawAbove,
    double restoreRatio,
    double withdrawStep,
    double restoreStep,
    double maxWithdrawal,
    double lambda,
    double initialVol,
    double stepsPerYear)
    implements PopulationSpec {

  /** The registry name. */
  public static final String TYPE = "market-makers";

  /** Validates the fields. */
  public MarketMakersSpec {
    Checks.id(id, "id");
    Objects.requireNonNull(market, "market");
    Checks.positive(count, "count");
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException("share: must be in (0, 1], was " + share);
    }
    Objects.requireNonNull(withdrawAbove, "withdrawAbove");
    if (!(withdrawAbove.lowerBound() > 0)) {
      throw new IllegalArgumentException("withdrawAbove: must produce positive volatilities only");
    }
    open(restoreRatio, "restoreRatio");
    if (!(withdrawStep > 0 && withdrawStep <= 1)) {
      throw new IllegalArgumentException("withdrawStep: must be in (0, 1], was " + withdrawStep);
    }
    if (!(restoreStep > 0 && restoreStep <= 1)) {
      throw new IllegalArgumentException("restoreStep: must be in (0, 1], was " + restoreStep);
    }
    open(maxWithdrawal, "maxWithdrawal");
    open(lambda, "lambda");
    if (!(initialVol >= 0 && Double.isFinite(initialVol))) {
      throw new IllegalArgumentException("initialVol: must be >= 0, was " + initialVol);
    }
    Checks.positive(stepsPerYear, "stepsPerYear");
  }

  private static void open(double x, String name) {
    if (!(x > 0 && x < 1)) {
      throw new IllegalArgumentException(name + ": must be in (0, 1), was " + x);
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Population resolve(RandomStreams streams) {
    return new MarketMakers(this, streams.stream("agents/" + id));
  }
}
