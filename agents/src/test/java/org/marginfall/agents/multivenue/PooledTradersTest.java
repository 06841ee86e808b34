package org.marginfall.agents.multivenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.agents.testkit.FakeAgentContext;
import org.marginfall.agents.testkit.FakePerpetualVenue;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.contagion.Channel;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.venue.VenueId;

/**
 * A pooled trader on two fake perpetual venues (IMF 10%, MMF 5%): leg a holds 1000 USD at 5x in ETH
 * (mark 3000), leg b 1000 USD at 5x in BTC (mark 60,000); the pool holds 1000 USD; top-up below
 * health 1.05 to 1.5.
 */
class PooledTradersTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId BTC = AssetId.of("BTC");
  private static final VenueId A = VenueId.of("a");
  private static final VenueId B = VenueId.of("b");
  private static final AccountId POOL = AccountId.of("pooled/0000/pool");
  private static final AccountId ACC_A = AccountId.of("a/accounts/pooled/0000");
  private static final AccountId ACC_B = AccountId.of("b/accounts/pooled/0000");
  private static final double TOL = 1e-9;

  private final FakeAgentContext fake = new FakeAgentContext(List.of(USD, ETH, BTC));
  private final RecordingContext ctx = new RecordingContext(fake);
  private final FakePerpetualVenue a =
      fake.addVenue(
          new FakePerpetualVenue("a", false, fake.ledger(), USD).market(ETH, 3000, 0.1, 0.05));
  private final FakePerpetualVenue b =
      fake.addVenue(
          new FakePerpetualVenue("b", false, fake.ledger(), USD).market(BTC, 60_000, 0.1, 0.05));

  private static Leg leg(VenueId venue, AssetId market) {
    return new Leg(
        venue,
        market,
        new Distribution.Constant(1000),
        new Distribution.Constant(5),
        1.0,
        1.0,
        Double.POSITIVE_INFINITY);
  }

  private PooledTraders population(double share) {
    PooledTradersSpec spec =
        new PooledTradersSpec(
            "pooled",
            1,
            List.of(leg(A, ETH), leg(B, BTC)),
            List.of(new PoolAsset(USD, new Distribution.Constant(1000))),
            share,
            List.of(),
            1.05,
            1.5);
    PooledTraders p = (PooledTraders) spec.resolve(new RandomStreams(7, 0));
    p.setUp(ctx);
    return p;
  }

  private void assertConserved() {
    for (AssetId asset : List.of(USD, ETH, BTC)) {
      assertEquals(0, fake.ledger().total(asset), asset.toString());
    }
    assertEquals(List.of(), fake.ledger().audit());
  }

  @Test
  void test_setUp_opensEachLegAndEndowsThePool() {
    population(1);
    // 1000 × 5 / 3000 = 1.6667 ETH and 1000 × 5 / 60,000 = 0.083333 BTC, long.
    assertEquals(5000.0 / 3000, a.size(ACC_A, ETH), 1e-12);
    assertEquals(5000.0 / 60_000, b.size(ACC_B, BTC), 1e-12);
    assertEquals(1000, fake.ledger().units(POOL, USD), 0);
    assertEquals(1000, fake.ledger().units(ACC_A, USD), 0);
    assertConserved();
  }

  @Test
  void test_defend_healthyAccountsAreNotToppedUp() {
    PooledTraders p = population(1);
    p.defend(ctx);
    assertEquals(1000, fake.ledger().units(POOL, USD), 0);
    assertEquals(List.of(), ctx.diversions);
  }

  /**
   * ETH 2100 and BTC 45,000 together. a: equity 1000 − 1500 = −500, MM 175, health −2.86; b: equity
   * 1000 − 1250 = −250, MM 187.5, health −1.33. The weakest, a, goes first and takes 1.5 × 175 +
   * 500 = 762.5, all common (share 1), so 762.5 is noted as diverted from b; b then needs 1.5 ×
   * 187.5 + 250 = 531.25 but gets the 237.5 left, noted as diverted from a.
   */
  @Test
  void test_defend_fullySharedTopsUpWeakestFirstAndNotesDiversions() {
    PooledTraders p = population(1);
    a.setMark(ETH, 2100);
    b.setMark(BTC, 45_000);
    p.defend(ctx);
    assertEquals(1762.5, fake.ledger().units(ACC_A, USD), TOL);
    assertEquals(1.5, a.marginState(ACC_A).health(), TOL);
    assertEquals(1237.5, fake.ledger().units(ACC_B, USD), TOL);
    assertEquals(0, fake.ledger().balance(POOL, USD));
    assertEquals(
        List.of(
            new RecordingContext.Diversion(B, ACC_B, A, ACC_A, 762.5),
            new RecordingContext.Diversion(A, ACC_A, B, ACC_B, 237.5)),
        ctx.diversions);
    assertEquals(2, fake.events().stream().filter(e -> e instanceof PoolTopUp).count());
    assertConserved();
  }

  /**
   * With sharedPool closed the pool is isolated whatever share says: a can only use its 500 slice
   * (equity 0), and b's 500 stays for b, which after BTC −25% has equity −250 + 500 = 250, health
   * 250 / 187.5 = 1.333. Nothing is noted.
   */
  @Test
  void test_defend_closedChannelKeepsSlicesIsolated() {
    ctx.open.remove(Channel.SHARED_POOL);
    PooledTraders p = population(1);
    a.setMark(ETH, 2100);
    p.defend(ctx);
    assertEquals(1500, fake.ledger().units(ACC_A, USD), TOL);
    assertEquals(500, fake.ledger().units(POOL, USD), TOL);
    p.defend(ctx);
    assertEquals(500, fake.ledger().units(POOL, USD), TOL);
    b.setMark(BTC, 45_000);
    p.defend(ctx);
    assertEquals(250 / 187.5, b.marginState(ACC_B).health(), TOL);
    assertEquals(0, fake.ledger().balance(POOL, USD));
    assertEquals(List.of(), ctx.diversions);
    assertConserved();
  }

  /**
   * share 0.5: each leg reserves (1 − 0.5) × 0.5 × 1000 = 250 and 500 is common, so a's room is
   * 1000 × (0.5 + 0.5 × 0.5) = 750 < the 762.5 it needs: it takes its own 250 and the common 500,
   * and only the 500 is noted as diverted from b; b's 250 stays in the pool.
   */
  @Test
  void test_defend_halfSharedNotesOnlyTheCommonPart() {
    PooledTraders p = population(0.5);
    a.setMark(ETH, 2100);
    p.defend(ctx);
    assertEquals(1750, fake.ledger().units(ACC_A, USD), TOL);
    assertEquals(List.of(new RecordingContext.Diversion(B, ACC_B, A, ACC_A, 500)), ctx.diversions);
    assertEquals(250, fake.ledger().units(POOL, USD), TOL);
    assertConserved();
  }

  @Test
  void test_new_rejectsTargetBelowTrigger() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new PooledTradersSpec(
                    "p",
                    1,
                    List.of(leg(A, ETH), leg(B, BTC)),
                    List.of(new PoolAsset(USD, new Distribution.Constant(1))),
                    1,
                    List.of(),
                    1.2,
                    1.1));
    assertEquals("targetHealth: must be >= topUpBelow (1.2), was 1.1", e.getMessage());
  }
}
