package org.marginfall.protocols.perp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.Asset;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.engine.MarketSpec;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.OracleSpec;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.event.MarketTrade;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.market.ImpactModel;
import org.marginfall.core.metric.RunListener;
import org.marginfall.core.metric.RunSettings;
import org.marginfall.core.metric.StepRecord;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.oracle.OracleRule;
import org.marginfall.core.price.FundamentalPrices;
import org.marginfall.core.price.PriceProcessSpec;
import org.marginfall.core.price.PriceShock;
import org.marginfall.core.venue.VenueId;

/**
 * The project's acceptance test for the perpetual venue: a hand-computed liquidation price for one
 * position in isolated mode and for one account in cross mode, checked against the step at which
 * the engine liquidates on a deterministic price path.
 *
 * <p>The path: ETH starts at 3000 with zero volatility and no jumps, and a scheduled shock takes it
 * down 40% over 40 steps from step 5, i.e. a factor {@code f = 0.6^(1/40) = 0.98731056} per step,
 * so {@code P_t = 3000 f^(t - 4)} for {@code 5 <= t <= 44}. BTC stays at 60000. Markets have no
 * price impact (market = fundamental) and the oracle publishes the current market price every step,
 * so the venue marks at {@code P_t}. A position is liquidated at the first step whose price is
 * below its liquidation price P*: the first t with {@code 3000 f^(t - 4) < P*}, i.e. {@code t = 4 +
 * ceil(ln(P* / 3000) / ln f)} (unless P* falls exactly on the grid, which none here does).
 */
class PerpetualLiquidationStepTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId BTC = AssetId.of("BTC");
  private static final OracleId ORACLE = OracleId.of("oracle");
  private static final VenueId VENUE = VenueId.of("perp");
  private static final AccountId OWNER = AccountId.of("traders", "alice");
  private static final AccountId LIQUIDATOR = AccountId.of("liquidators", "greedy");

  private static final double ETH0 = 3000;
  private static final double BTC0 = 60000;
  private static final long SHOCK_START = 5;
  private static final int SHOCK_STEPS = 40;
  private static final double SHOCK_CHANGE = -0.40;

  /** The per-step factor 0.6^(1/40) = exp(ln 0.6 / 40) = exp(-0.0127706406) = 0.9873105580. */
  private static final double F = Math.pow(1 + SHOCK_CHANGE, 1.0 / SHOCK_STEPS);

  private static final long STEPS = 50;

  private static final double IMF = 0.05;
  private static final double MMF = 0.025;
  private static final double ETH_SIZE = 10;
  private static final double BTC_SIZE = -1;
  private static final double ETH_MARGIN = 3000;
  private static final double BTC_MARGIN = 3000;
  private static final long SEED = 20_240_611L;
  private static final double ETH_HAIRCUT = 0.10;

  /** Prices are ~10^3; 1e-9 relative to them is far below any step-to-step difference here. */
  private static final double TOL = 1e-6;

  /** Captures every event and step record of a run. */
  private static final class Recorder implements RunListener {
    final List<SimEvent> events = new ArrayList<>();
    final List<StepRecord> steps = new ArrayList<>();

    @Override
    public void onEvent(SimEvent event) {
      events.add(event);
    }

    @Override
    public void onStep(StepRecord record) {
      steps.add(record);
    }

    List<Liquidation> liquidations() {
      return eventsOf(Liquidation.class);
    }

    <T extends SimEvent> List<T> eventsOf(Class<T> type) {
      List<T> out = new ArrayList<>();
      for (SimEvent e : events) {
        if (type.isInstance(e)) {
          out.add(type.cast(e));
        }
      }
      return out;
    }

    /** The ETH price the oracle had published at the end of {@code step}. */
    double oracleEth(long step) {
      StepRecord r = steps.get((int) step);
      assertEquals(step, r.step());
      return r.oracles().stream()
          .filter(o -> o.asset().equals(ETH))
          .findFirst()
          .orElseThrow()
          .price();
    }
  }

  private static ModelSpec model(
      MarginMode mode, List<Opener.Leg> legs, List<Opener.Collateral> collateral) {
    PerpetualVenueSpec venue =
        new PerpetualVenueSpec(
            VENUE,
            ORACLE,
            mode,
            List.of(new PerpMarket(ETH, IMF, MMF), new PerpMarket(BTC, IMF, MMF)),
            List.of(new CollateralTerms(ETH, ETH_HAIRCUT)),
            0.01,
            0.5,
            10_000,
            1.0e9);
    return new ModelSpec(
        new RunSettings(STEPS, 60, 3, SEED),
        USD,
        List.of(
            new Asset(USD, AssetKind.BASE),
            new Asset(ETH, AssetKind.SPOT),
            new Asset(BTC, AssetKind.SPOT)),
        Map.of(ETH, PriceProcessSpec.constant(ETH0), BTC, PriceProcessSpec.constant(BTC0)),
        FundamentalPrices.identity(2),
        List.of(
            new MarketSpec(ETH, new ImpactModel.None(), Double.POSITIVE_INFINITY),
            new MarketSpec(BTC, new ImpactModel.None(), Double.POSITIVE_INFINITY)),
        List.of(new OracleSpec(ORACLE, OracleRule.immediate())),
        List.of(new PriceShock(ETH, SHOCK_START, SHOCK_STEPS, SHOCK_CHANGE)),
        List.of(venue),
        List.of(
            new FixedPopulation(new Opener("openers", VENUE, OWNER, legs, collateral)),
            new FixedPopulation(new GreedyLiquidator("liquidators", LIQUIDATOR, 1_000_000))));
  }

  private static Recorder run(MarginMode mode, List<Opener.Leg> legs) {
    return run(mode, legs, List.of());
  }

  private static Recorder run(
      MarginMode mode, List<Opener.Leg> legs, List<Opener.Collateral> collateral) {
    Recorder recorder = new Recorder();
    Simulation.Outcome outcome =
        Simulation.run(model(mode, legs, collateral), SEED, 0, true, List.of(recorder));
    assertEquals(STEPS, outcome.steps());
    // Audited at set-up (step 0) and after each of the 50 ticks, without a violation.
    assertEquals(STEPS + 1, outcome.auditedSteps());
    return recorder;
  }

  /** ETH's price at step t on the path: 3000 f^(t - 4) inside the shock window. */
  private static double pathPrice(long t) {
    long n = Math.max(0, Math.min(t, SHOCK_START + SHOCK_STEPS - 1) - SHOCK_START + 1);
    return ETH0 * Math.pow(F, n);
  }

  /** The first step whose path price is below {@code pStar}. */
  private static long firstStepBelow(double pStar) {
    for (long t = 1; t <= STEPS; t++) {
      if (pathPrice(t) < pStar) {
        return t;
      }
    }
    throw new AssertionError("the path never falls below " + pStar);
  }

  /**
   * The engine's first liquidation is at {@code expectedStep}, at an oracle price below P* that
   * matches the path, while the previous step's published price was still at or above P*.
   */
  private static Liquidation assertFirstLiquidation(Recorder r, double pStar, long expectedStep) {
    assertEquals(expectedStep, firstStepBelow(pStar), "hand-computed step");
    Liquidation first = r.liquidations().get(0);
    assertEquals(expectedStep, first.step());
    assertEquals("ETH", first.asset());
    assertTrue(first.oraclePrice() < pStar, "oracle " + first.oraclePrice() + " < P* " + pStar);
    assertEquals(pathPrice(expectedStep), first.oraclePrice(), TOL);
    assertEquals(r.oracleEth(expectedStep), first.oraclePrice(), 0);
    assertTrue(r.oracleEth(expectedStep - 1) >= pStar, "previous step still at or above P*");
    assertEquals(pathPrice(expectedStep - 1), r.oracleEth(expectedStep - 1), TOL);
    // Without impact the unwind fills at the oracle price.
    assertEquals(first.oraclePrice(), first.executionPrice(), 0);
    return first;
  }

  @Test
  void test_run_isolatedPositionLiquidatesAtFirstStepBelowHandComputedPrice() {
    Recorder r = run(MarginMode.ISOLATED, List.of(new Opener.Leg(ETH, ETH_SIZE, ETH_MARGIN)));
    // Long 10 ETH at 3000 with 3000 USD, MMF 2.5%:
    // P* = (10 * 3000 - 3000) / (10 * (1 - 0.025)) = 27000 / 9.75 = 2769.2307692
    double pStar = (ETH_SIZE * ETH0 - ETH_MARGIN) / (ETH_SIZE * (1 - MMF));
    assertEquals(2769.2307692, pStar, 1e-6);
    assertEquals(
        pStar,
        PerpMarginCalculator.DEFAULT.liquidationPrice(ETH_SIZE, ETH0, ETH_MARGIN, MMF),
        1e-9);
    // f^n < P*/3000 = 0.9230769  <=>  n > ln(0.9230769) / ln(f) = -0.0800427 / -0.0127706 = 6.268
    // so n = 7 shock steps: t = 5 + 7 - 1 = 11, at 3000 f^7 = 2743.4543 (step 10: 3000 f^6 =
    // 2778.7146).
    Liquidation l = assertFirstLiquidation(r, pStar, 11);
    assertEquals(2743.4543, l.oraclePrice(), 1e-4);
    assertEquals(2778.7146, r.oracleEth(10), 1e-4);
    assertEquals("perp/accounts/traders/alice/ETH", l.account());
    assertEquals("liquidators/greedy", l.liquidator());
    assertEquals(ETH_SIZE, l.size(), 0);
    // Before: equity = 3000 + 10 (2743.4543 - 3000) = 434.54; MMR = 10 * 2743.4543 * 0.025 =
    // 685.86.
    double p = pathPrice(11);
    assertEquals(ETH_MARGIN + ETH_SIZE * (p - ETH0), l.equityBefore(), TOL);
    assertEquals(ETH_SIZE * p * MMF, l.maintenanceBefore(), TOL);
    assertEquals(1, r.liquidations().size());
  }

  @Test
  void test_run_crossAccountLiquidatesAtFirstStepBelowHandComputedPrice() {
    Recorder r =
        run(
            MarginMode.CROSS,
            List.of(
                new Opener.Leg(ETH, ETH_SIZE, ETH_MARGIN),
                new Opener.Leg(BTC, BTC_SIZE, BTC_MARGIN)));
    // One account: 6000 USD, long 10 ETH at 3000, short 1 BTC at 60000 (BTC constant, so its PnL
    // stays 0 and its MMR stays 1 * 60000 * 0.025 = 1500). Equity 6000 + 10 (P - 3000) meets
    // MMR 10 P 0.025 + 1500 at
    // P* = (qE E - M + mB |qB| PB) / (qE (1 - mE)) = (30000 - 6000 + 1500) / 9.75 = 2615.3846154
    double margin = ETH_MARGIN + BTC_MARGIN;
    double pStar =
        (ETH_SIZE * ETH0 - margin + MMF * Math.abs(BTC_SIZE) * BTC0) / (ETH_SIZE * (1 - MMF));
    assertEquals(2615.3846154, pStar, 1e-6);
    // f^n < 2615.3846/3000 = 0.8717949  <=>  n > ln(0.8717949) / ln(f) = -0.1372011 / -0.0127706
    // = 10.744, so n = 11: t = 5 + 11 - 1 = 15, at 3000 f^11 = 2606.8308 (step 14: 2640.3352).
    Liquidation eth = assertFirstLiquidation(r, pStar, 15);
    assertEquals(2606.8308, eth.oraclePrice(), 1e-4);
    assertEquals(2640.3352, r.oracleEth(14), 1e-4);
    assertEquals("perp/accounts/traders/alice", eth.account());
    // Before: equity = 6000 + 10 (2606.8308 - 3000) = 2068.31 < MMR 651.71 + 1500 = 2151.71.
    double p = pathPrice(15);
    assertEquals(margin + ETH_SIZE * (p - ETH0), eth.equityBefore(), TOL);
    assertEquals(
        ETH_SIZE * p * MMF + Math.abs(BTC_SIZE) * BTC0 * MMF, eth.maintenanceBefore(), TOL);
    // Cross liquidation closes the whole account: the BTC short goes in the same step, at no PnL.
    List<Liquidation> all = r.liquidations();
    assertEquals(2, all.size());
    Liquidation btc = all.get(1);
    assertEquals("BTC", btc.asset());
    assertEquals(15, btc.step());
    assertEquals(BTC_SIZE, btc.size(), 0);
    assertEquals(0, btc.realizedPnl(), 0);
  }

  @Test
  void test_run_isolatedLiquidatesEthEarlierThanCrossBecauseBtcMarginIsNotShared() {
    Recorder r =
        run(
            MarginMode.ISOLATED,
            List.of(
                new Opener.Leg(ETH, ETH_SIZE, ETH_MARGIN),
                new Opener.Leg(BTC, BTC_SIZE, BTC_MARGIN)));
    // Same positions and the same 6000 USD, split 3000/3000 into two isolated accounts. The ETH
    // account cannot use the 3000 - 1500 = 1500 of BTC margin above the BTC maintenance, so its
    // P* is the single-position one, (30000 - 3000) / 9.75 = 2769.2308, higher than the cross
    // 2615.3846 by exactly 1500 / 9.75 = 153.85: liquidated at step 11 instead of 15.
    double isolatedStar = (ETH_SIZE * ETH0 - ETH_MARGIN) / (ETH_SIZE * (1 - MMF));
    double crossStar =
        (ETH_SIZE * ETH0 - ETH_MARGIN - BTC_MARGIN + MMF * Math.abs(BTC_SIZE) * BTC0)
            / (ETH_SIZE * (1 - MMF));
    assertEquals(1500 / 9.75, isolatedStar - crossStar, 1e-9);
    Liquidation eth = assertFirstLiquidation(r, isolatedStar, 11);
    assertTrue(eth.step() < firstStepBelow(crossStar));
    assertTrue(eth.oraclePrice() > crossStar, "liquidated while cross would still be safe");
    assertEquals("perp/accounts/traders/alice/ETH", eth.account());
    // The BTC account (3000 USD against MMR 1500, BTC constant) is never touched.
    assertEquals(1, r.liquidations().size());
  }

  @Test
  void test_run_ethCollateralBackingEthLongLiquidatesEarlierAndIsSoldByLiquidator() {
    double usd = 1000;
    double ethCollateral = 1;
    Recorder r =
        run(
            MarginMode.CROSS,
            List.of(new Opener.Leg(ETH, ETH_SIZE, usd)),
            List.of(new Opener.Collateral(ETH, ethCollateral)));
    // 1000 USD + 1 ETH (haircut 10%) behind a long of 10 ETH at 3000: the collateral falls with the
    // position (wrong-way risk). Equity 1000 + 1 * P * 0.9 + 10 (P - 3000) meets MMR 10 P 0.025 at
    // P* = (10 * 3000 - 1000) / (10 * (1 - 0.025) + 1 * (1 - 0.1)) = 29000 / 10.65 = 2723.0047
    double pStar =
        (ETH_SIZE * ETH0 - usd) / (ETH_SIZE * (1 - MMF) + ethCollateral * (1 - ETH_HAIRCUT));
    assertEquals(2723.0047, pStar, 1e-4);
    // f^n < 2723.0047 / 3000 = 0.9076682  <=>  n > ln(0.9076682) / ln(f) = -0.0968764 / -0.0127706
    // = 7.586, so n = 8: t = 12, at 3000 f^8 = 2708.6414 (step 11: 2743.4543).
    Liquidation l = assertFirstLiquidation(r, pStar, 12);
    assertEquals(2708.6414, l.oraclePrice(), 1e-4);
    // Unwind at P = 2708.6414: PnL 10 (P - 3000) = -2913.586; remaining at oracle value
    // -2913.586 + 1000 + 2708.641 = 795.055 covers the fee 0.01 * 10 P = 270.864. Owed
    // 2913.586 + 270.864 = 3184.450, of which 1000 in USD: 2184.450 is raised by selling
    // 2184.4506 / 2708.6414 = 0.806475 ETH to the liquidator at the oracle price.
    double p = pathPrice(12);
    double shortfall = -ETH_SIZE * (p - ETH0) + 0.01 * ETH_SIZE * p - usd;
    assertEquals(2184.450, shortfall, 1e-3);
    CollateralSale sale = r.eventsOf(CollateralSale.class).get(0);
    assertEquals(12, sale.step());
    assertEquals(p, sale.price(), TOL);
    assertEquals(shortfall / p, sale.units(), 2e-6);
    assertTrue(sale.value() >= shortfall - 1e-6, "the sale covers the shortfall");
    assertTrue((sale.units() - 1e-6) * p < shortfall, "one atom less would not");
    // The greedy liquidator sold what it bought into the ETH market in the same step.
    MarketTrade dump =
        r.eventsOf(MarketTrade.class).stream()
            .filter(t -> t.trader().equals(LIQUIDATOR.value()))
            .findFirst()
            .orElseThrow();
    assertEquals(12, dump.step());
    assertEquals(-sale.units(), dump.units(), 0);
  }
}
