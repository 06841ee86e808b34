package org.marginfall.agents.signal;

import java.util.ArrayList;
import java.util.List;
import org.marginfall.core.agent.AgentAccounts;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.RandomStream;

/**
 * Momentum, mean-reversion or noise traders on one spot asset's shared market, long only.
 *
 * <p>At set-up trader {@code k} draws its capital, then (momentum and mean reversion) its
 * threshold, from the population's stream {@code agents/<id>}, and is endowed with the capital in
 * base currency. In every trading phase the population first appends the market price to its
 * history, then each trader in member order takes the {@link Signals} action: momentum and mean
 * reversion BUY spends {@code allocation} of its cash when it holds none of the asset and SELL
 * sells all it holds (in or out of the market); a noise trader draws two uniforms every step
 * (whatever it then does, so its draws stay aligned), and BUY spends {@code allocation} of its cash
 * while SELL sells {@code allocation} of its holdings. Orders go through the shared market at its
 * impact ({@link AgentContext#buy}, {@link AgentContext#sell}); a buy the trader cannot pay after
 * impact is skipped (nothing moves). Mutable (accounts and history) and not thread-safe.
 */
public final class SignalTraders implements Population {

  private final SignalTradersSpec spec;
  private final RandomStream stream;
  private final List<AccountId> wallets = new ArrayList<>();
  private final List<Double> thresholds = new ArrayList<>();
  private final List<Double> prices = new ArrayList<>();

  SignalTraders(SignalTradersSpec spec, RandomStream stream) {
    this.spec = spec;
    this.stream = stream;
  }

  @Override
  public String id() {
    return spec.id();
  }

  @Override
  public void setUp(AgentContext ctx) {
    Precision cashPrecision = ctx.precision(ctx.baseCurrency());
    for (int k = 0; k < spec.count(); k++) {
      long atoms = cashPrecision.floorAtoms(stream.next(spec.capital()));
      double threshold = spec.rule() == SignalRule.NOISE ? 0 : stream.next(spec.threshold());
      AccountId wallet = AgentAccounts.member(spec.id(), k, spec.count(), 4);
      ctx.openAccount(wallet);
      if (atoms > 0) {
        ctx.endow(wallet, ctx.baseCurrency(), atoms);
      }
      wallets.add(wallet);
      thresholds.add(threshold);
    }
  }

  @Override
  public void trade(AgentContext ctx) {
    prices.add(ctx.marketPrice(spec.asset()));
    Precision cashPrecision = ctx.precision(ctx.baseCurrency());
    Precision assetPrecision = ctx.precision(spec.asset());
    for (int k = 0; k < wallets.size(); k++) {
      AccountId wallet = wallets.get(k);
      Signals.Action action =
          switch (spec.rule()) {
            case MOMENTUM -> Signals.momentum(prices, spec.lookback(), thresholds.get(k));
            case MEAN_REVERSION ->
                Signals.meanReversion(prices, spec.lookback(), thresholds.get(k));
            case NOISE ->
                Signals.noise(stream.nextUniform(), stream.nextUniform(), spec.activity());
          };
      long held = ctx.balance(wallet, spec.asset());
      boolean noise = spec.rule() == SignalRule.NOISE;
      if (action == Signals.Action.BUY && (noise || held == 0)) {
        double cash = cashPrecision.units(ctx.balance(wallet, ctx.baseCurrency()));
        long atoms =
            assetPrecision.floorAtoms(spec.allocation() * cash / ctx.marketPrice(spec.asset()));
        if (atoms > 0) {
          try {
            ctx.buy(wallet, spec.asset(), atoms);
          } catch (IllegalStateException cannotPay) {
            // Impact made the order dearer than the cash: the market refused before moving.
          }
        }
      } else if (action == Signals.Action.SELL && held > 0) {
        long atoms =
            noise
                ? assetPrecision.floorAtoms(spec.allocation() * assetPrecision.units(held))
                : held;
        if (atoms > 0) {
          ctx.sell(wallet, spec.asset(), atoms);
        }
      }
    }
  }
}
