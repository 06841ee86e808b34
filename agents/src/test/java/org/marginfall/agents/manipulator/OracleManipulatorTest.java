package org.marginfall.agents.manipulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.agents.testkit.FakeAgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.market.Execution;
import org.marginfall.core.market.ImpactModel;
import org.marginfall.core.market.SharedMarket;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.venue.VenueId;

/**
 * The manipulator's pump, borrow and the shortfall it leaves, on a thin market of depth 1e6 USD (k
 * = F / depth = 1e-6 per unit at F = 1) read by the venue's oracle with no latency.
 */
class OracleManipulatorTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId TOK = AssetId.of("TOK");
  private static final AssetId ATOK = AssetId.of("aTOK");
  private static final AccountId WALLET = AccountId.of("attacker", "0000");

  @Test
  void test_units_invertTheLinearLogCost() {
    // At P = 2 and k = 1e-6, 100,000 USD buys ln(1 + 1e5 x 1e-6 / 2) / 1e-6 = ln(1.05) / 1e-6
    // = 48,790.164 units and leaves the price at 2 + k x 1e5 = 2.1.
    double q = PumpSizing.units(100_000, 2.0, 1e-6);
    assertEquals(48_790.16416, q, 1e-5);
    Execution e = new ImpactModel.LinearLog(2.0e6).execute(2.0, 2.0, q);
    assertEquals(100_000, e.value(), 1e-6);
    assertEquals(2.1, e.priceAfter(), 1e-12);
    assertEquals(1e-6, PumpSizing.coefficient(e), 1e-18);
    // No impact: budget / price.
    assertEquals(50_000, PumpSizing.units(100_000, 2.0, 0), 0);
  }

  @Test
  void test_maxBorrow_ltvOfTheCollateralValueLessDebt() {
    // 2,000,000 of collateral at LTV 0.8 with 100,000 of debt, debt priced 1:
    // 2e6 x 0.8 x (1 - 1e-6) - 1e5 = 1,499,998.4.
    assertEquals(1_499_998.4, PumpSizing.maxBorrow(2.0e6, 0.8, 1.0e5, 1.0), 1e-6);
    assertEquals(0, PumpSizing.maxBorrow(1.0e5, 0.5, 1.0e5, 1.0), 0);
  }

  @Test
  void test_trade_pumpBorrowAndTheShortfallAfterReversion() {
    FakeAgentContext ctx = new FakeAgentContext(List.of(USD, TOK, ATOK));
    // Impact half-life of one step, so the test can let the pump revert by decaying the market.
    ctx.markets().add(new SharedMarket(TOK, new ImpactModel.LinearLog(1.0e6), 1.0, 1.0));
    FakeOracleLending pool =
        ctx.addVenue(
            new FakeOracleLending(
                ctx.ledger(), USD, TOK, ATOK, 0.8, () -> ctx.marketPrice(TOK), 1.0e7));
    // Capital 500,000 over 2 steps from step 1, holding 1,000,000 TOK, borrow at step 3.
    Population p =
        new OracleManipulatorSpec(
                "attacker", VenueId.of("pool"), TOK, USD, 500_000, 1_000_000, 1, 2, 0)
            .resolve(new RandomStreams(1, 0));
    p.setUp(ctx);
    AccountId account = pool.account(WALLET);
    assertEquals(Precision.MICRO.atoms(1_000_000), ctx.balance(account, ATOK));

    // Step 1, coefficient unknown: budget 250,000 buys 249,999.999999 units at P = 1, costing
    // (e^0.249999999999 - 1) / 1e-6 = 284,025.416686 (more than the budget); P = e^0.25 = 1.284025.
    ctx.setClock(1, 0);
    p.trade(ctx);
    assertEquals(500_000 - 284_025.416687, Precision.MICRO.units(ctx.balance(WALLET, USD)), 1e-6);
    assertEquals(1.2840254166877414, ctx.marketPrice(TOK), 1e-9);
    // Step 2: the budget is the cash left, 215,974.583313, which moves P by k x cost: P = 1.5.
    ctx.setClock(2, 0);
    p.trade(ctx);
    assertTrue(ctx.balance(WALLET, USD) <= 2, "the capital is spent to the atom");
    assertEquals(1.5, ctx.marketPrice(TOK), 1e-9);
    // Bought ln(1.5) / 1e-6 = 405,465.108108 units, all posted: collateral 1,405,465.108.
    double collateral = Precision.MICRO.units(ctx.balance(account, ATOK));
    assertEquals(1_405_465.108108, collateral, 1e-5);

    // Step 3: borrows 1,405,465.108 x 1.5 x 0.8 x (1 - 1e-6) = 1,686,556.443 USD at the pumped
    // oracle.
    ctx.setClock(3, 0);
    p.trade(ctx);
    assertEquals(1_686_556.443, Precision.MICRO.units(ctx.balance(WALLET, USD)), 1e-3);
    assertEquals(1_686_556.443, pool.debt(account, USD), 1e-3);
    ManipulatorBorrow b =
        ctx.events().stream()
            .filter(ManipulatorBorrow.class::isInstance)
            .map(ManipulatorBorrow.class::cast)
            .findFirst()
            .orElseThrow();
    assertEquals(1.5, b.oraclePrice(), 1e-9);
    assertEquals(500_000, b.spent(), 1e-5);

    // It walks away: nothing more happens, whatever the price does.
    long cash = ctx.balance(WALLET, USD);
    int events = ctx.events().size();
    ctx.setClock(4, 0);
    p.trade(ctx);
    assertEquals(cash, ctx.balance(WALLET, USD));
    assertEquals(events, ctx.events().size());
    // The impact decays back to the fundamental (1): the collateral is worth 1,405,465.108 against
    // a debt of 1,686,556.443, a shortfall of 281,091.335 the venue is left with.
    for (int i = 0; i < 80; i++) {
      ctx.markets().decay();
    }
    assertEquals(1.0, ctx.marketPrice(TOK), 1e-12);
    assertEquals(-281_091.335, pool.surplus(account), 1e-3);
    assertEquals(List.of(), ctx.ledger().audit());
  }

  @Test
  void test_trade_singleStepPumpLearnsTheCoefficientFromAHalvedBuy() {
    FakeAgentContext ctx = new FakeAgentContext(List.of(USD, TOK, ATOK));
    ctx.addMarket(TOK, 1.0, 1.0e6);
    ctx.addVenue(
        new FakeOracleLending(
            ctx.ledger(), USD, TOK, ATOK, 0.5, () -> ctx.marketPrice(TOK), 1.0e7));
    Population p =
        new OracleManipulatorSpec("attacker", VenueId.of("pool"), TOK, USD, 300_000, 0, 5, 1, 0)
            .resolve(new RandomStreams(1, 0));
    p.setUp(ctx);
    ctx.setClock(4, 0);
    p.trade(ctx);
    assertEquals(
        Precision.MICRO.atoms(300_000), ctx.balance(WALLET, USD), "nothing before startStep");
    // One step with the whole 300,000: 300,000 units at P = 1 would cost (e^0.3 - 1) / 1e-6 =
    // 349,858.8 > cash, refused; half of it goes through, the coefficient is learnt and the rest of
    // the budget is bought exactly: P = 1 + k x 300,000 = 1.3 with the whole capital spent.
    ctx.setClock(5, 0);
    p.trade(ctx);
    assertTrue(ctx.balance(WALLET, USD) <= 2);
    assertEquals(1.3, ctx.marketPrice(TOK), 1e-9);
    assertEquals(List.of(), ctx.ledger().audit());
  }
}
