package org.marginfall.agents.multivenue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.agents.testkit.FakeAgentContext;
import org.marginfall.agents.testkit.FakePerpetualVenue;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.contagion.Channel;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.venue.VenueId;

/**
 * A collateral mover on two fake perpetual venues (IMF 10%, MMF 5%): leg a holds 1000 USD at 5x in
 * ETH (mark 3000, 1.6667 ETH), leg b {@code marginB} USD at 2x in BTC (mark 60,000); defendBelow
 * 1.1, targetHealth 1.3, keepHealth 1.5.
 */
class CollateralMoversTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId BTC = AssetId.of("BTC");
  private static final VenueId A = VenueId.of("a");
  private static final VenueId B = VenueId.of("b");
  private static final AccountId TRANSIT = AccountId.of("mover/0000/in-transit");
  private static final AccountId ACC_A = AccountId.of("a/accounts/mover/0000");
  private static final AccountId ACC_B = AccountId.of("b/accounts/mover/0000");
  private static final double TOL = 1e-9;

  private final FakeAgentContext fake = new FakeAgentContext(List.of(USD, ETH, BTC));
  private final RecordingContext ctx = new RecordingContext(fake);
  private final FakePerpetualVenue a =
      fake.addVenue(
          new FakePerpetualVenue("a", false, fake.ledger(), USD).market(ETH, 3000, 0.1, 0.05));
  private final FakePerpetualVenue b =
      fake.addVenue(
          new FakePerpetualVenue("b", false, fake.ledger(), USD).market(BTC, 60_000, 0.1, 0.05));

  private CollateralMovers population(double marginB, int latency) {
    CollateralMoversSpec spec =
        new CollateralMoversSpec(
            "mover",
            1,
            List.of(
                new Leg(
                    A,
                    ETH,
                    new Distribution.Constant(1000),
                    new Distribution.Constant(5),
                    1,
                    1,
                    Double.POSITIVE_INFINITY),
                new Leg(
                    B,
                    BTC,
                    new Distribution.Constant(marginB),
                    new Distribution.Constant(2),
                    1,
                    1,
                    Double.POSITIVE_INFINITY)),
            1.1,
            1.3,
            1.5,
            latency);
    CollateralMovers p = (CollateralMovers) spec.resolve(new RandomStreams(7, 0));
    fake.setClock(0, 0);
    p.setUp(ctx);
    return p;
  }

  private void assertConserved() {
    for (AssetId asset : List.of(USD, ETH, BTC)) {
      assertEquals(0, fake.ledger().total(asset), asset.toString());
    }
    assertEquals(List.of(), fake.ledger().audit());
  }

  /**
   * ETH 2100: a has equity −500, MM 175, and needs 1.3 × 175 + 500 = 727.5. b (3000 USD, 0.1 BTC:
   * IM 600, MM 300) has 3000 − max(450, 600) = 2400 free, so 727.5 leaves at step 5, sits in
   * transit through step 6 and is deposited at step 7: a's health is then 227.5 / 175 = 1.3.
   */
  @Test
  void test_defend_sendsNeedFromHealthiestAndDepositsAfterLatency() {
    CollateralMovers p = population(3000, 2);
    a.setMark(ETH, 2100);
    fake.setClock(5, 1);
    p.defend(ctx);
    assertEquals(727.5, fake.ledger().units(TRANSIT, USD), TOL);
    assertEquals(2272.5, fake.ledger().units(ACC_B, USD), TOL);
    assertEquals(
        List.of(new RecordingContext.Diversion(B, ACC_B, A, ACC_A, 727.5)), ctx.diversions);
    assertConserved();
    // Later rounds and the next tick: the amount in flight covers the need, nothing more leaves.
    fake.setClock(5, 2);
    p.defend(ctx);
    fake.setClock(6, 1);
    p.defend(ctx);
    assertEquals(727.5, fake.ledger().units(TRANSIT, USD), TOL);
    assertEquals(1000, fake.ledger().units(ACC_A, USD), TOL);
    assertEquals(1, ctx.diversions.size());
    fake.setClock(7, 1);
    p.defend(ctx);
    assertEquals(0, fake.ledger().balance(TRANSIT, USD));
    assertEquals(1727.5, fake.ledger().units(ACC_A, USD), TOL);
    assertEquals(1.3, a.marginState(ACC_A).health(), TOL);
    assertEquals(1, ctx.diversions.size());
    assertConserved();
  }

  /**
   * b with 700 USD (1400 notional: IM 140, MM 70) keeps max(1.5 × 70, 140) = 140: it sends its 560
   * free less one atom, 559.999999, and keeps 140.000001, just above its initial margin.
   */
  @Test
  void test_defend_sourceKeepsItsInitialMarginWithLatencyZero() {
    CollateralMovers p = population(700, 0);
    a.setMark(ETH, 2100);
    fake.setClock(5, 1);
    p.defend(ctx);
    assertEquals(140.000001, fake.ledger().units(ACC_B, USD), TOL);
    assertEquals(1000 + 559.999999, fake.ledger().units(ACC_A, USD), TOL);
    assertEquals(0, fake.ledger().balance(TRANSIT, USD));
    assertEquals(559.999999, ctx.diversions.get(0).value(), TOL);
    assertEquals(
        Precision.MICRO.atoms(559.999999),
        fake.ledger().balance(ACC_A, USD) - Precision.MICRO.atoms(1000));
    assertConserved();
  }

  @Test
  void test_defend_closedChannelMovesNothing() {
    ctx.open.remove(Channel.COLLATERAL_TRANSFER);
    CollateralMovers p = population(3000, 2);
    a.setMark(ETH, 2100);
    fake.setClock(5, 1);
    p.defend(ctx);
    assertEquals(3000, fake.ledger().units(ACC_B, USD), 0);
    assertEquals(0, fake.ledger().balance(TRANSIT, USD));
    assertEquals(List.of(), ctx.diversions);
  }

  @Test
  void test_defend_healthyAccountsMoveNothing() {
    CollateralMovers p = population(3000, 2);
    fake.setClock(1, 1);
    p.defend(ctx);
    assertEquals(List.of(), ctx.diversions);
    assertEquals(1000, fake.ledger().units(ACC_A, USD), 0);
  }
}
