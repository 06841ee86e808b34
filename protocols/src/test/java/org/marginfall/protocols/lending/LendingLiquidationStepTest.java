package org.marginfall.protocols.lending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
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
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.market.ImpactModel;
import org.marginfall.core.metric.RunListener;
import org.marginfall.core.metric.RunSettings;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.oracle.OracleRule;
import org.marginfall.core.price.FundamentalPrices;
import org.marginfall.core.price.PriceProcessSpec;
import org.marginfall.core.price.PriceShock;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.venue.Holding;
import org.marginfall.core.venue.LendingVenue;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.VenueId;

/**
 * The lending venue inside the engine on a deterministic path: a hand-computed health factor
 * crossing, the liquidation amounts at that step (50% close factor, bonus, protocol fee), and a
 * second liquidation later as the price keeps falling.
 *
 * <p>The path: ETH starts at 2000 with no volatility; a shock takes it down 40% over 40 steps from
 * step 5, a factor {@code f = 0.6^(1/40) = 0.98731056} per step, so {@code P_t = 2000 f^(t − 4)}
 * for {@code 5 <= t <= 44}. Markets have no impact; the oracle publishes every step. Rates are zero
 * so the debt stays exactly 16,000 USD. The account: 10 ETH (LT 0.86) against 16,000 USD, HF = 8.6
 * P / 16,000, below 1 when {@code P < 16000 / 8.6 = 1860.4651}.
 */
class LendingLiquidationStepTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId AUSD = AssetId.of("aUSD");
  private static final AssetId AETH = AssetId.of("aETH");
  private static final OracleId ORACLE = OracleId.of("oracle");
  private static final VenueId VENUE = VenueId.of("lend");
  private static final AccountId LENDER = AccountId.of("lenders", "lena");
  private static final AccountId OWNER = AccountId.of("borrowers", "bob");
  private static final AccountId LIQUIDATOR = AccountId.of("liquidators", "lou");
  private static final double F = Math.pow(0.6, 1.0 / 40);
  private static final long STEPS = 40;

  /** Supplies USD, opens the borrower's position at set-up. */
  private record Setup(String id) implements Population {
    @Override
    public void setUp(AgentContext ctx) {
      LendingVenue v = (LendingVenue) ctx.venue(VENUE);
      ctx.openAccount(LENDER);
      // The run chooses each asset's decimals: quantities are converted at the ledger's precision.
      Precision usd = ctx.precision(USD);
      Precision eth = ctx.precision(ETH);
      ctx.endow(LENDER, USD, usd.atoms(100_000));
      v.supply(LENDER, USD, usd.atoms(100_000));
      ctx.openAccount(OWNER);
      ctx.endow(OWNER, ETH, eth.atoms(10));
      AccountId account = v.account(OWNER);
      v.depositCollateral(OWNER, account, ETH, eth.atoms(10));
      v.borrow(account, USD, usd.atoms(16_000), OWNER);
    }
  }

  /** Liquidates every candidate and sells what it receives. */
  private record Liquidator(String id) implements Population {
    @Override
    public void setUp(AgentContext ctx) {
      ctx.openAccount(LIQUIDATOR);
      ctx.endow(LIQUIDATOR, USD, ctx.precision(USD).atoms(1_000_000));
    }

    @Override
    public int liquidate(AgentContext ctx, List<LiquidationCandidate> candidates) {
      int done = 0;
      for (LiquidationCandidate c : candidates) {
        var o = ctx.venue(c.venue()).liquidate(c.account(), LIQUIDATOR);
        if (o.isPresent()) {
          done++;
          for (Holding h : o.get().acquired()) {
            ctx.sell(LIQUIDATOR, h.asset(), h.atoms());
          }
        }
      }
      return done;
    }
  }

  private record Fixed(Population population) implements PopulationSpec {
    @Override
    public String id() {
      return population.id();
    }

    @Override
    public String type() {
      return "test";
    }

    @Override
    public Population resolve(RandomStreams streams) {
      return population;
    }
  }

  private static final class Recorder implements RunListener {
    final List<SimEvent> events = new ArrayList<>();

    @Override
    public void onEvent(SimEvent event) {
      events.add(event);
    }

    <T extends SimEvent> List<T> of(Class<T> type) {
      return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }

  private static double path(long t) {
    long n = Math.max(0, Math.min(t, 44) - 5 + 1);
    return 2000 * Math.pow(F, n);
  }

  @Test
  void test_run_liquidatesAtHandComputedStepWithCloseFactorAndFee() {
    InterestRateCurve zero = new InterestRateCurve(0, 0, 0, 0.8);
    LendingVenueSpec venue =
        new LendingVenueSpec(
            VENUE,
            ORACLE,
            List.of(
                new ReserveTerms(
                    USD,
                    AUSD,
                    0.865,
                    0.885,
                    0.048,
                    0.20,
                    0.10,
                    zero,
                    Double.POSITIVE_INFINITY,
                    Double.POSITIVE_INFINITY,
                    true),
                new ReserveTerms(
                    ETH,
                    AETH,
                    0.825,
                    0.86,
                    0.052,
                    0.10,
                    0.15,
                    zero,
                    Double.POSITIVE_INFINITY,
                    Double.POSITIVE_INFINITY,
                    true)),
            60,
            BadDebtMode.SOCIALIZE,
            2_000,
            1_000);
    ModelSpec model =
        new ModelSpec(
            new RunSettings(STEPS, 60, 3, 7),
            USD,
            List.of(
                new Asset(USD, AssetKind.BASE),
                new Asset(ETH, AssetKind.SPOT),
                new Asset(AUSD, AssetKind.DERIVED),
                new Asset(AETH, AssetKind.DERIVED)),
            Map.of(ETH, PriceProcessSpec.constant(2000)),
            FundamentalPrices.identity(1),
            List.of(new MarketSpec(ETH, new ImpactModel.None(), Double.POSITIVE_INFINITY)),
            List.of(new OracleSpec(ORACLE, OracleRule.immediate())),
            List.of(new PriceShock(ETH, 5, 40, -0.40)),
            List.of(venue),
            List.of(new Fixed(new Setup("setup")), new Fixed(new Liquidator("liquidators"))));
    Recorder r = new Recorder();
    Simulation.Outcome outcome = Simulation.run(model, 7, 0, true, List.of(r));
    assertEquals(STEPS + 1, outcome.auditedSteps());

    List<LoanLiquidation> ls = r.of(LoanLiquidation.class);
    // First: f^n < 1860.4651 / 2000 = 0.9302326 <=> n > ln 0.9302326 / ln f = 0.0723207 / 0.0127706
    // = 5.663, so n = 6: t = 10 at P = 2000 f^6 = 1852.4764 (step 9: 2000 f^5 = 1876.2854).
    LoanLiquidation first = ls.get(0);
    assertEquals(10, first.step());
    assertEquals(1852.4764, first.collateralPrice(), 1e-4);
    assertTrue(path(9) >= 16_000 / 8.6);
    // HF = 8.6 × 1852.4764 / 16,000 = 0.9957061 > 0.95 with both sides >= 2,000: 50% of 16,000 =
    // 8,000 USD repaid; seized 8000 / 1852.4764 × 1.052 = 4.5431078 ETH; fee
    // (4.5431078 − 4.3185436) × 0.1 = 0.0224564 ETH.
    double p = path(10);
    assertEquals(8.6 * p / 16_000, first.healthFactor(), 1e-12);
    assertEquals(0.9957061, first.healthFactor(), 1e-7);
    assertEquals(0.5, first.closeFactor(), 0);
    assertEquals(8_000, first.debtRepaid(), 0);
    assertEquals(4.5431078, first.collateralSeized(), 2e-6);
    assertEquals(8_000 / p * 1.052, first.collateralSeized(), 2e-6);
    assertEquals(0.0224564, first.protocolFee(), 2e-6);
    // The liquidator sold the ETH it received in the same step.
    MarketTrade sale =
        r.of(MarketTrade.class).stream()
            .filter(t -> t.trader().equals(LIQUIDATOR.value()))
            .findFirst()
            .orElseThrow();
    assertEquals(10, sale.step());
    assertEquals(-(first.collateralSeized() - first.protocolFee()), sale.units(), 2e-6);
    // Second: 10 − 4.5431078 = 5.4568922 ETH against 8,000 USD: HF < 1 when
    // P < 8000 / (5.4568922 × 0.86) = 1704.6929: f^n < 0.8523465 <=> n > 0.1597621 / 0.0127706 =
    // 12.51, so n = 13: t = 17 at 2000 f^13 = 1694.0614 (step 16: 2000 f^12 = 1715.8344).
    LoanLiquidation second = ls.get(1);
    assertEquals(17, second.step());
    assertEquals(1694.0614, second.collateralPrice(), 1e-4);
    assertTrue(path(16) >= 8_000 / (5.4568922 * 0.86));
  }
}
