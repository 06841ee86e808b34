package org.marginfall.agents.marketmaker;

import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.random.RandomStream;

/**
 * Market makers quoting depth in one shared market, who withdraw it when realised volatility spikes
 * and bring it back when volatility falls (the liquidity-drought mechanism).
 *
 * <p>Maker {@code k} draws its threshold {@code withdrawAbove} from the stream {@code agents/<id>}
 * at set-up and quotes {@code share / count} of the market's scenario depth. In every arbitrage
 * phase the population updates one shared EWMA estimate from the market price's log return since
 * the previous phase ({@link DepthWithdrawal#ewmaVariance}), annualises it, and moves each maker's
 * withdrawn fraction by {@link DepthWithdrawal#nextWithdrawn}; the population's depth factor {@code
 * 1 - share * mean(withdrawn)} goes to the market through {@link AgentContext#setDepthFactor},
 * which multiplies it with other quoters' factors. Each change writes a {@link DepthQuoted} event
 * (and set-up writes the initial one). The makers hold no inventory and move no value: they only
 * change how far the next trade moves the price. Mutable (estimate and withdrawals) and not
 * thread-safe.
 */
public final class MarketMakers implements Population {

  private final MarketMakersSpec spec;
  private final RandomStream stream;
  private final double[] thresholds;
  private final double[] withdrawn;
  private double variance;
  private double previousPrice = Double.NaN;
  private double factor = 1.0;

  MarketMakers(MarketMakersSpec spec, RandomStream stream) {
    this.spec = spec;
    this.stream = stream;
    this.thresholds = new double[spec.count()];
    this.withdrawn = new double[spec.count()];
    this.variance = spec.initialVol() * spec.initialVol() / spec.stepsPerYear();
  }

  @Override
  public String id() {
    return spec.id();
  }

  /** The per-step variance estimate. */
  public double variance() {
    return variance;
  }

  /** The annualised realised volatility the makers see now. */
  public double volatility() {
    return DepthWithdrawal.annualised(variance, spec.stepsPerYear());
  }

  /** The share of the depth this population leaves in the market, in (0, 1]. */
  public double factor() {
    return factor;
  }

  /** Maker {@code k}'s withdrawn fraction of its quote. */
  public double withdrawn(int k) {
    return withdrawn[k];
  }

  /** Maker {@code k}'s volatility threshold. */
  public double threshold(int k) {
    return thresholds[k];
  }

  @Override
  public void setUp(AgentContext ctx) {
    if (!ctx.hasMarket(spec.market())) {
      throw new IllegalStateException(
          spec.id() + ": asset " + spec.market() + " has no shared market to quote");
    }
    for (int k = 0; k < thresholds.length; k++) {
      thresholds[k] = stream.next(spec.withdrawAbove());
    }
    previousPrice = ctx.marketPrice(spec.market());
    quote(ctx);
  }

  @Override
  public void arbitrage(AgentContext ctx) {
    double price = ctx.marketPrice(spec.market());
    if (previousPrice > 0 && price > 0) {
      variance =
          DepthWithdrawal.ewmaVariance(
              variance, StrictMath.log(price / previousPrice), spec.lambda());
    }
    previousPrice = price;
    double vol = volatility();
    for (int k = 0; k < withdrawn.length; k++) {
      withdrawn[k] =
          DepthWithdrawal.nextWithdrawn(
              withdrawn[k],
              vol,
              thresholds[k],
              spec.restoreRatio() * thresholds[k],
              spec.withdrawStep(),
              spec.restoreStep(),
              spec.maxWithdrawal());
    }
    double next = DepthWithdrawal.populationFactor(spec.share(), withdrawn);
    if (next != factor) {
      factor = next;
      quote(ctx);
    }
  }

  private void quote(AgentContext ctx) {
    double depth = ctx.setDepthFactor(spec.market(), spec.id(), factor);
    ctx.emit(
        new DepthQuoted(
            ctx.clock().step(),
            0,
            "market/" + spec.market().value(),
            spec.id(),
            spec.market().value(),
            volatility(),
            factor,
            depth));
  }
}
