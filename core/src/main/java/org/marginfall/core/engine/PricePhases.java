package org.marginfall.core.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.event.OracleUpdated;
import org.marginfall.core.event.ShockApplied;
import org.marginfall.core.market.Markets;
import org.marginfall.core.market.SharedMarket;
import org.marginfall.core.oracle.Oracle;
import org.marginfall.core.oracle.OracleFeed;
import org.marginfall.core.oracle.Oracles;
import org.marginfall.core.price.FundamentalPrices;
import org.marginfall.core.price.PriceProcessSpec;
import org.marginfall.core.price.PriceShock;
import org.marginfall.core.venue.VenueId;

/**
 * The price work of a tick for its {@link World}: the exogenous phase (fundamentals, shocks, market
 * decay, oracles observing) and the oracles' publishing, once per tick and within liquidation
 * rounds. Mutable through the world's state; not thread-safe.
 */
final class PricePhases {

  private final World world;
  private final AssetId base;
  private final FundamentalPrices fundamentals;
  private final Markets markets;
  private final Oracles oracles;
  private final Map<VenueId, Oracles> venueOracles;
  private final List<PriceShock> shocks;

  /** The index in the scenario's assets of each spot asset, in {@link #fundamentals}' order. */
  private final int[] spotIndex;

  /** The price phases of {@code world}, over the parts {@code wiring} built. */
  PricePhases(World world, WorldWiring wiring, List<PriceShock> shocks) {
    this.world = world;
    this.base = wiring.base;
    this.fundamentals = wiring.fundamentals;
    this.markets = wiring.markets;
    this.oracles = wiring.oracles;
    this.venueOracles = wiring.venueOracles;
    this.shocks = shocks;
    this.spotIndex = wiring.spotIndex;
  }

  /** The fundamental price of spot asset {@code asset}. */
  static double fundamental(FundamentalPrices fundamentals, AssetId asset) {
    return fundamentals.price(fundamentals.indexOf(asset));
  }

  void exogenous() {
    long step = world.step();
    fundamentals.advance();
    for (int i = 0; i < fundamentals.assets().size(); i++) {
      checkFundamental(i, -1);
    }
    for (int s = 0; s < shocks.size(); s++) {
      PriceShock shock = shocks.get(s);
      double factor = shock.factorAt(step);
      if (factor != 1.0) {
        int i = fundamentals.indexOf(shock.asset());
        fundamentals.scale(i, factor);
        checkFundamental(i, s);
        world.emit(new ShockApplied(step, 0, shock.asset().value(), factor, s));
      }
    }
    markets.decay();
    for (SharedMarket m : markets.all()) {
      if (!markets.isDerived(m.asset())) {
        m.setFundamental(fundamental(fundamentals, m.asset()));
      }
    }
    for (Oracle o : oracles.all()) {
      for (OracleFeed f : o.feeds()) {
        f.observe(markets.price(f.asset()), markets.parts(f.asset()));
      }
    }
    for (Map.Entry<VenueId, Oracles> e : ownOracles().entrySet()) {
      for (Oracle o : e.getValue().all()) {
        for (OracleFeed f : o.feeds()) {
          f.observe(
              markets.priceFor(e.getKey(), f.asset()), markets.partsFor(e.getKey(), f.asset()));
        }
      }
    }
  }

  /**
   * Stops the run when spot asset {@code i}'s fundamental price has left the range prices are
   * computed in, naming the shock that has just moved it ({@code shock} >= 0) or its process.
   */
  private void checkFundamental(int i, int shock) {
    double p = fundamentals.price(i);
    if (p >= PriceProcessSpec.MIN_PRICE && p <= PriceProcessSpec.MAX_PRICE) {
      return;
    }
    AssetId a = fundamentals.assets().get(i);
    String problem =
        "the fundamental price of "
            + a
            + " reached "
            + p
            + " "
            + base
            + ", beyond the range prices are"
            + " computed in (1e-12 to 1e12 "
            + base
            + ")";
    if (shock >= 0) {
      throw new ScenarioFailure(
          "shocks[" + shock + "].change",
          world.step(),
          problem + "; this shock moved it in this step",
          true,
          null);
    }
    throw new ScenarioFailure(
        "assets[" + spotIndex[i] + "].price",
        world.step(),
        problem + "; lower its volatility, drift or jumps, or run fewer steps",
        true,
        null);
  }

  /** The venues' own oracle copies; empty when every venue reads the shared oracles. */
  private Map<VenueId, Oracles> ownOracles() {
    Map<VenueId, Oracles> out = new LinkedHashMap<>();
    venueOracles.forEach(
        (v, o) -> {
          if (o != oracles) {
            out.put(v, o);
          }
        });
    return out;
  }

  /**
   * Publishes oracle updates (and refusal or freeze notices, as {@code oracle_update} events whose
   * price is the value that stays); within liquidation rounds only oracles with a zero-latency
   * source re-read.
   */
  void publishOracles(boolean intraTick) {
    long step = world.step();
    // Venue copies publish silently: the recorded oracle is the shared one reading the common
    // market.
    for (Map.Entry<VenueId, Oracles> e : ownOracles().entrySet()) {
      for (Oracle o : e.getValue().all()) {
        if (intraTick && !o.rereadsIntraTick()) {
          continue;
        }
        for (OracleFeed f : o.feeds()) {
          if (intraTick) {
            f.reobserve(
                markets.priceFor(e.getKey(), f.asset()), markets.partsFor(e.getKey(), f.asset()));
          }
          f.evaluate(step);
        }
      }
    }
    for (Oracle o : oracles.all()) {
      if (intraTick && !o.rereadsIntraTick()) {
        continue;
      }
      for (OracleFeed f : o.feeds()) {
        if (intraTick) {
          f.reobserve(markets.price(f.asset()), markets.parts(f.asset()));
        }
        OracleFeed.Update u = f.evaluate(step);
        if (u != null) {
          world.emit(
              new OracleUpdated(
                  step,
                  world.round(),
                  o.id().value(),
                  u.asset().value(),
                  u.price(),
                  u.previous(),
                  u.reason().label()));
        }
      }
    }
  }
}
