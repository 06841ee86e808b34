package org.marginfall.protocols.cdp;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.marginfall.core.event.BadDebt;
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
import org.marginfall.core.venue.VenueSnapshot;

/**
 * The CDP venue inside the engine on a deterministic path: the step a vault is barked, the step a
 * keeper first finds the decaying auction price at or below the market, and the deficit the auction
 * ends with, all computed by hand.
 *
 * <p>The path: ETH starts at 2,000 without volatility and falls 40% over 40 steps from step 5 by
 * {@code f = 0.6^(1/40)} per step ({@code P_t = 2000 f^(t-4)} to step 44, 1,200 after). No impact,
 * an immediate oracle, 60-second steps. The vault: 10 ETH, 12,000 drawn, mat 1.45: unsafe when
 * {@code 10 P < 17,400}, i.e. {@code P < 1,740}; {@code f^n < 0.87} first at n = 11 (ln 0.87 / ln f
 * = 10.905), so step 15 at {@code P_15 = 2000 * 0.6^(11/40) = 1,737.887} (step 14: 1,760.22).
 */
class CdpAuctionStepTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final OracleId ORACLE = OracleId.of("osm");
  private static final VenueId VENUE = VenueId.of("maker");
  private static final long STEPS = 120;
  private static final long SEED = 7L;

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

    <T extends SimEvent> List<T> of(Class<T> type) {
      return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }

  private static ModelSpec model() {
    // YFI-A style auction with tip 0: chop 1.13, buf 1.3, cusp 0.4, tail 8,400 s, chip 0.1%.
    CdpIlk ilk =
        new CdpIlk(
            ETH,
            1.45,
            0,
            0,
            1.13,
            5.0e6,
            1.30,
            8400,
            0.40,
            0.001,
            0,
            new Abacus.StairstepExponentialDecrease(90, 0.99));
    CdpVenueSpec venue = new CdpVenueSpec(VENUE, ORACLE, 60, 1.0e8, 0, List.of(ilk));
    return new ModelSpec(
        new RunSettings(STEPS, 60, 3, SEED),
        USD,
        List.of(new Asset(USD, AssetKind.BASE), new Asset(ETH, AssetKind.SPOT)),
        Map.of(ETH, PriceProcessSpec.constant(2000)),
        FundamentalPrices.identity(1),
        List.of(new MarketSpec(ETH, new ImpactModel.None(), Double.POSITIVE_INFINITY)),
        List.of(new OracleSpec(ORACLE, OracleRule.immediate())),
        List.of(new PriceShock(ETH, 5, 40, -0.40)),
        List.of(venue),
        List.of(
            new FixedPopulation(
                new VaultOpener("owners", VENUE, AccountId.of("owners", "alice"), ETH, 10, 12_000)),
            new FixedPopulation(
                new AuctionKeeper("keepers", AccountId.of("keepers", "k"), 1_000_000))));
  }

  @Test
  void test_run_barkDecayTakeAndDeficitAtHandComputedSteps() {
    Recorder r = new Recorder();
    Simulation.Outcome outcome = Simulation.run(model(), SEED, 0, true, List.of(r));
    assertEquals(STEPS, outcome.steps());
    assertEquals(STEPS + 1, outcome.auditedSteps());

    double p15 = 2000 * Math.pow(0.6, 11 / 40.0);
    assertEquals(1_737.887, p15, 1e-3);
    AuctionStarted bark = r.of(AuctionStarted.class).get(0);
    assertEquals(15, bark.step());
    assertEquals(1, bark.round());
    // due 12,000, tab 13,560, top 1.3 * 1,737.887 = 2,259.253, incentive 0.001 * 13,560 = 13.56.
    assertEquals(12_000, bark.due(), 1e-6);
    assertEquals(13_560, bark.tab(), 1e-6);
    assertEquals(1.3 * p15, bark.top(), 1e-9);
    assertEquals(13.56, bark.incentive(), 1e-6);

    // The market falls 1.27% a step until step 44 while the auction falls about 0.67% a step
    // (1% per 90 s), so they meet only after the market settles at 1,200: the first k = t - 15
    // with 2,259.253 * 0.99^floor(60k / 90) <= 1,200 needs floor(2k/3) >= 63 (0.99^m <= 0.531149
    // <=> m >= 62.95), so k = 95, t = 110, at 2,259.253 * 0.99^63 = 1,199.450 (step 109, 62
    // stairs: 1,211.566).
    AuctionTaken take = r.of(AuctionTaken.class).get(0);
    assertEquals(110, take.step());
    double price = 1.3 * p15 * Math.pow(0.99, 63);
    assertEquals(1_199.450, price, 1e-3);
    assertEquals(price, take.price(), 1e-9);
    assertEquals(10, take.slice(), 0);
    // All 10 ETH raise 11,994.50 of the 13,560 tab: the lot is gone with 1,565.50 unraised.
    assertEquals(10 * price, take.owe(), 1e-6);
    AuctionEnded end = r.of(AuctionEnded.class).get(0);
    assertEquals(110, end.step());
    assertEquals(13_560 - 10 * price, end.deficit(), 1e-6);
    // No surplus: sin 12,000 + 13.56 - 11,994.50 = 19.06 is written off as bad debt.
    assertEquals(12_013.56 - 10 * price, r.of(BadDebt.class).get(0).amount(), 1e-6);
    VenueSnapshot last = r.steps.get((int) STEPS).venues().get(0).snapshot();
    assertEquals(1, last.liquidations());
    assertEquals(12_013.56 - 10 * price, last.badDebt(), 1e-6);
    assertEquals(0.0, last.extras().get("activeAuctions"));
  }
}
