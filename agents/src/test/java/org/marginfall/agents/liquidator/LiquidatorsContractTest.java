package org.marginfall.agents.liquidator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marginfall.agents.testkit.FakeAgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.venue.Holding;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.MarginState;

/**
 * Conservation under every behaviour: liquidators with gas, minimum profit, each venue choice,
 * competition rule and inventory policy work through random candidates on two venues (rewards,
 * collateral with and without a market, refusals) for many rounds; after every call each asset
 * still sums to zero and no ordinary account is negative. The test's own randomness has a fixed
 * seed.
 */
class LiquidatorsContractTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId AETH = AssetId.of("aETH");

  @Test
  void test_liquidate_ledgerStaysBalancedUnderEveryBehaviour() {
    int combinations = 0;
    for (VenueChoice strategy : VenueChoice.values()) {
      for (Competition competition : Competition.values()) {
        for (InventoryPolicy inventory : InventoryPolicy.values()) {
          run(
              new LiquidatorBehaviour(
                  1,
                  7.5,
                  2,
                  strategy,
                  competition,
                  competition == Competition.PRIORITY_FEE ? new Distribution.Uniform(0, 0.8) : null,
                  inventory,
                  inventory == InventoryPolicy.HOLD ? 5_000 : 0));
          combinations++;
        }
      }
    }
    assertEquals(12, combinations);
  }

  private static void run(LiquidatorBehaviour behaviour) {
    Random random = new Random(20_260_521L);
    FakeAgentContext ctx =
        new FakeAgentContext(List.of(USD, ETH, AETH)).addMarket(ETH, 1800, 5.0e6);
    ctx.markets().defineDerived(AETH, () -> 1500);
    RewardVenue a = ctx.addVenue(new RewardVenue("A", ctx.ledger(), USD));
    RewardVenue b = ctx.addVenue(new RewardVenue("B", ctx.ledger(), USD));
    Population p =
        new LiquidatorsSpec(
                "keepers", 4, new Distribution.Uniform(500, 20_000), List.of(), 3, 0.02, behaviour)
            .resolve(new RandomStreams(7, 0));
    p.setUp(ctx);
    int executed = 0;
    int id = 0;
    for (int step = 1; step <= 40; step++) {
      for (int k = random.nextInt(4); k > 0; k--) {
        RewardVenue v = random.nextBoolean() ? a : b;
        double reward = random.nextDouble() * 60;
        Holding h =
            switch (random.nextInt(3)) {
              case 0 -> null;
              case 1 -> new Holding(ETH, Precision.MICRO.atoms(random.nextDouble() * 3));
              default -> new Holding(AETH, Precision.MICRO.atoms(random.nextDouble() * 2));
            };
        double price = h == null ? 0 : (h.asset().equals(ETH) ? 1700 : 1400);
        v.underwater(
            String.format(Locale.ROOT, "x%03d", id++),
            new MarginState(random.nextDouble() * 900, 2000, 1000),
            reward,
            h,
            price);
      }
      a.refuseAll(random.nextInt(10) == 0);
      for (int round = 1; round <= 3; round++) {
        ctx.setClock(step, round);
        List<LiquidationCandidate> listed = new ArrayList<>(a.liquidatable());
        listed.addAll(b.liquidatable());
        if (listed.isEmpty()) {
          break;
        }
        executed += p.liquidate(ctx, listed);
        assertTrue(
            ctx.ledger().audit().isEmpty(),
            behaviour + " step " + step + ": " + ctx.ledger().audit());
      }
    }
    assertTrue(executed > 0, behaviour + " never liquidated");
    assertEquals(executed, a.executed().size() + b.executed().size());
  }
}
