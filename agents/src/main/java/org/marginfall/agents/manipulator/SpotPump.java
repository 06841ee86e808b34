package org.marginfall.agents.manipulator;

import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.market.Execution;

/**
 * A manipulator's buying in a thin spot market, spread over ticks: each tick spends {@code cash /
 * ticks left} of the wallet's base currency, buying {@link PumpSizing#units} of it at the market
 * price with the impact coefficient read off the last fill (0 before the first, which therefore
 * spends more than its budget: later ticks spend less). A buy the market refuses (dearer than the
 * cash) is halved until it goes through, and what the tick's budget has left is bought again with
 * the coefficient just learnt. Draws no random numbers. Mutable and not thread-safe.
 */
final class SpotPump {

  /** Most buys (fills and refusals) within one tick. */
  private static final int MAX_ATTEMPTS = 64;

  /** What one tick bought: units, base currency paid, market price before and after. */
  record Tick(double units, double spent, double priceBefore, double priceAfter) {}

  private final AccountId wallet;
  private final AssetId asset;
  private double k = Double.NaN;
  private double spent;

  SpotPump(AccountId wallet, AssetId asset) {
    this.wallet = wallet;
    this.asset = asset;
  }

  /** Spends this tick's budget, {@code cash / ticksLeft}, in the market of the asset. */
  Tick buy(AgentContext ctx, long ticksLeft) {
    AssetId base = ctx.baseCurrency();
    Precision cashPrecision = ctx.precision(base);
    Precision assetPrecision = ctx.precision(asset);
    double budget = cashPrecision.units(ctx.balance(wallet, base)) / ticksLeft;
    double before = ctx.marketPrice(asset);
    double tickUnits = 0;
    double tickSpent = 0;
    double left = budget;
    double units = Double.NaN;
    for (int attempt = 0; attempt < MAX_ATTEMPTS && left > cashPrecision.units(1); attempt++) {
      if (Double.isNaN(units)) {
        // One atom of budget held back, so the cost rounded up to atoms stays inside it.
        units =
            PumpSizing.units(
                left - cashPrecision.units(1), ctx.marketPrice(asset), Double.isNaN(k) ? 0 : k);
      }
      long atoms = assetPrecision.floorAtoms(units);
      if (atoms <= 0) {
        break;
      }
      long cash = ctx.balance(wallet, base);
      Execution fill;
      try {
        fill = ctx.buy(wallet, asset, atoms);
      } catch (IllegalStateException dearerThanCash) {
        units /= 2;
        continue;
      }
      double cost = cashPrecision.units(cash - ctx.balance(wallet, base));
      k = PumpSizing.coefficient(fill);
      tickUnits += assetPrecision.units(atoms);
      tickSpent += cost;
      left -= cost;
      units = Double.NaN;
    }
    spent += tickSpent;
    return new Tick(tickUnits, tickSpent, before, ctx.marketPrice(asset));
  }

  /** Base currency spent over every tick so far. */
  double spent() {
    return spent;
  }
}
