package org.marginfall.protocols.perp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.Asset;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.engine.MarketSpec;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.OracleSpec;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
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
 * The mechanisms inside the engine, on the deterministic path of {@link
 * PerpetualLiquidationStepTest}: ETH falls 40% over 40 steps from step 5 ({@code P_t = 3000 *
 * 0.6^((t - 4) / 40)}), no price impact, an immediate oracle, audited every step. An isolated long
 * of 10 ETH with 3000 USD (IMF 5%, MMF 2.5%) first falls below maintenance at step 11, at {@code
 * P_11 = 3000 * 0.6^(7/40) = 2743.4543}: E = 3000 + 10 * (2743.4543 - 3000) (= 434.5426) - funding
 * 2.8506 = 431.6920, MM = 0.025 * 27434.543 = 685.8636.
 */
class PerpetualMechanicsSimulationTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId BTC = AssetId.of("BTC");
  private static final AssetId HLP = AssetId.of("HLP");
  private static final OracleId ORACLE = OracleId.of("oracle");
  private static final VenueId VENUE = VenueId.of("perp");
  private static final long STEPS = 20;
  private static final long SEED = 7L;
  private static final double VAULT = 100_000;

  /** Captures events and step records. */
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

    <T extends SimEvent> List<T> eventsOf(Class<T> type) {
      return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }

  private static Recorder run(LiquidationTerms liquidation, Optional<BackstopTerms> backstop) {
    PerpetualVenueSpec venue =
        new PerpetualVenueSpec(
            VENUE,
            ORACLE,
            MarginMode.ISOLATED,
            List.of(new PerpMarket(ETH, 0.05, 0.025), new PerpMarket(BTC, 0.05, 0.025)),
            List.of(),
            0.01,
            0.5,
            10_000,
            1.0e9,
            liquidation,
            backstop,
            new DeleveragingTerms(DeleveragingRule.PNL_LEVERAGE, true),
            new PricingTerms(MarkPriceRule.INDEX, 1, 8, 0.0001, 0.0005, 3, StaleAction.PAUSE));
    ModelSpec model =
        new ModelSpec(
            new RunSettings(STEPS, 60, 3, SEED),
            USD,
            assets(backstop.isPresent()),
            Map.of(ETH, PriceProcessSpec.constant(3000), BTC, PriceProcessSpec.constant(60000)),
            FundamentalPrices.identity(2),
            List.of(
                new MarketSpec(ETH, new ImpactModel.None(), Double.POSITIVE_INFINITY),
                new MarketSpec(BTC, new ImpactModel.None(), Double.POSITIVE_INFINITY)),
            List.of(new OracleSpec(ORACLE, OracleRule.immediate())),
            List.of(new PriceShock(ETH, 5, 40, -0.40)),
            List.of(venue),
            List.of(
                new FixedPopulation(
                    new Opener(
                        "openers",
                        VENUE,
                        AccountId.of("traders", "alice"),
                        List.of(new Opener.Leg(ETH, 10, 3000)))),
                new FixedPopulation(
                    new GreedyLiquidator(
                        "liquidators", AccountId.of("liquidators", "greedy"), 1_000_000))));
    Recorder r = new Recorder();
    Simulation.Outcome outcome = Simulation.run(model, SEED, 0, true, List.of(r));
    assertEquals(STEPS + 1, outcome.auditedSteps());
    return r;
  }

  private static List<Asset> assets(boolean withShares) {
    List<Asset> out =
        new ArrayList<>(
            List.of(
                new Asset(USD, AssetKind.BASE),
                new Asset(ETH, AssetKind.SPOT),
                new Asset(BTC, AssetKind.SPOT)));
    if (withShares) {
      out.add(new Asset(HLP, AssetKind.DERIVED));
    }
    return out;
  }

  /**
   * Funding at step 8 (interval 8): the book equals the index, so the premium is 0 and the rate is
   * the interest rate 0.0001; the long pays 10 * P_8 * 0.0001 = 10 * 2850.6006 * 0.0001 = 2.8506.
   */
  private static double fundingPaid() {
    return Precision.MICRO.units(Precision.MICRO.ceilAtoms(10 * price(8) * 0.0001));
  }

  private static double price(long t) {
    return 3000 * Math.pow(0.6, (t - 4) / 40.0);
  }

  @Test
  void test_run_partialLiquidationClosesTheCappedFractionAtStep11() {
    Recorder r = run(new LiquidationTerms(LiquidationMode.PARTIAL, 0.2, 10_000), Optional.empty());
    // N = 27434.543 > 10,000: partial. f = (685.8636 - 431.6920) / (685.8636 - 274.3454) = 0.6176,
    // capped at the 20% close factor: 2 of the 10 ETH at step 11.
    double e = 3000 + 10 * (price(11) - 3000) - fundingPaid();
    double mm = 0.025 * 10 * price(11);
    assertEquals(2.8506, fundingPaid(), 1e-4);
    assertEquals(431.6920, e, 1e-4);
    assertEquals(0.6176, PartialLiquidation.fraction(e, mm, 10 * price(11), 0.01), 1e-4);
    Liquidation first = r.eventsOf(Liquidation.class).get(0);
    assertEquals(11, first.step());
    assertEquals(2, first.size(), 1e-9);
    assertEquals(price(11), first.oraclePrice(), 1e-6);
    StepRecord step11 = r.steps.get(11);
    assertTrue(
        step11.venues().get(0).snapshot().extras().get("partialLiquidations") >= 1,
        "the step record carries the partial count");
  }

  @Test
  void test_run_backstopTakesOverAtStep11AndItsNavIsRecorded() {
    Recorder r =
        run(
            new LiquidationTerms(LiquidationMode.PARTIAL, 0.2, 10_000),
            Optional.of(new BackstopTerms(HLP, VAULT, 2.0 / 3, 0.25)));
    // At step 11 E = 431.6920 < 2/3 * 685.8636 = 457.2424: the vault takes the account over
    // instead of a partial close. Its equity becomes 100,000 + 431.6920 at the mark; unwinding a
    // quarter at the same (impact-free) price changes nothing, so the recorded NAV of HLP at step
    // 11 is 100431.6920 / 100000 = 1.004316920.
    List<BackstopTakeover> t = r.eventsOf(BackstopTakeover.class);
    assertEquals(1, t.size());
    assertEquals(11, t.get(0).step());
    double e = 3000 + 10 * (price(11) - 3000) - fundingPaid();
    assertEquals(e, t.get(0).equity(), 1e-6);
    assertEquals(685.8636, t.get(0).maintenance(), 1e-4);
    assertTrue(r.eventsOf(Liquidation.class).isEmpty());
    double nav =
        r.steps.get(11).assets().stream()
            .filter(a -> a.asset().equals(HLP))
            .findFirst()
            .orElseThrow()
            .market();
    assertEquals((VAULT + e) / VAULT, nav, 1e-9);
    assertEquals(1.00431692, nav, 1e-8);
  }
}
