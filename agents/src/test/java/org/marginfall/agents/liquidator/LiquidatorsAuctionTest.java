package org.marginfall.agents.liquidator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.agents.testkit.FakeAgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.event.MarketTrade;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.venue.AuctionTake;
import org.marginfall.core.venue.VenueId;

/**
 * Liquidators bidding in Dutch-auction lots: they take when the auction price is at most the market
 * price times (1 - minAuctionDiscount), as far as their capital goes and within their per-round
 * throughput, and sell what they bought into the shared market. The ETH market is at 1,800 (so the
 * default 2% discount needs an auction price of at most 1,764). Gas on takes is paid out of the
 * model and comes off what the capital buys.
 */
class LiquidatorsAuctionTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final long SEED = 42L;

  private static FakeAgentContext context() {
    return new FakeAgentContext(List.of(USD, ETH)).addMarket(ETH, 1800, 1.8e6);
  }

  private static Population keepers(
      FakeAgentContext ctx,
      int count,
      double capital,
      int maxPerRound,
      List<VenueId> venues,
      double discount) {
    Population p =
        new LiquidatorsSpec(
                "keepers", count, new Distribution.Constant(capital), venues, maxPerRound, discount)
            .resolve(new RandomStreams(SEED, 0));
    p.setUp(ctx);
    return p;
  }

  private static AccountId keeper(int k) {
    return AccountId.of("keepers", String.format(java.util.Locale.ROOT, "%03d", k));
  }

  @Test
  void test_liquidate_takesDiscountedLotAndSellsItIntoMarket() {
    FakeAgentContext ctx = context();
    FakeAuctionVenue venue =
        ctx.addVenue(new FakeAuctionVenue("maker", ctx.ledger(), USD).lot(1, ETH, 5, 1_700));
    Population p =
        keepers(ctx, 2, 10_000, 10, List.of(), LiquidatorsSpec.DEFAULT_MIN_AUCTION_DISCOUNT);
    ctx.setClock(3, 1);
    // 1,700 <= 1,800 * 0.98 = 1,764: keeper 000 can pay for 10,000 / 1,700 = 5.88 ETH, so buys
    // the whole 5 ETH lot for 8,500, and sells the 5 ETH at once.
    assertEquals(1, p.liquidate(ctx, List.of()));
    assertEquals(
        List.of(new AuctionTake(VenueId.of("maker"), 1, ETH, Precision.MICRO.atoms(5), 8_500)),
        venue.takes);
    assertEquals(List.of(keeper(0)), venue.takers);
    assertEquals(0, ctx.ledger().balance(keeper(0), ETH));
    MarketTrade sale =
        ctx.events().stream()
            .filter(MarketTrade.class::isInstance)
            .map(MarketTrade.class::cast)
            .findFirst()
            .orElseThrow();
    assertEquals(-5, sale.units(), 0);
    assertEquals(List.of(), venue.auctions());
  }

  @Test
  void test_liquidate_passesLotWithoutEnoughDiscount() {
    FakeAgentContext ctx = context();
    FakeAuctionVenue venue =
        ctx.addVenue(new FakeAuctionVenue("maker", ctx.ledger(), USD).lot(1, ETH, 5, 1_780));
    Population p =
        keepers(ctx, 2, 10_000, 10, List.of(), LiquidatorsSpec.DEFAULT_MIN_AUCTION_DISCOUNT);
    ctx.setClock(3, 1);
    // 1,780 > 1,764: no bid.
    assertEquals(0, p.liquidate(ctx, List.of()));
    assertEquals(List.of(), venue.takes);
    // With no required discount, 1,780 <= 1,800 is enough.
    FakeAgentContext ctx2 = context();
    FakeAuctionVenue venue2 =
        ctx2.addVenue(new FakeAuctionVenue("maker", ctx2.ledger(), USD).lot(1, ETH, 5, 1_780));
    Population eager = keepers(ctx2, 2, 10_000, 10, List.of(), 0);
    ctx2.setClock(3, 1);
    assertEquals(1, eager.liquidate(ctx2, List.of()));
    assertEquals(1, venue2.takes.size());
  }

  @Test
  void test_liquidate_takesBoundedByCapitalThenNextLiquidatorTakesRest() {
    FakeAgentContext ctx = context();
    FakeAuctionVenue venue =
        ctx.addVenue(new FakeAuctionVenue("maker", ctx.ledger(), USD).lot(1, ETH, 10, 1_700));
    Population p =
        keepers(ctx, 2, 10_000, 1, List.of(), LiquidatorsSpec.DEFAULT_MIN_AUCTION_DISCOUNT);
    ctx.setClock(3, 1);
    // Keeper 000 affords floor(10,000 / 1,700) = 5.882352 ETH (paying 9,999.9984); one take is its
    // whole round's throughput, so keeper 001 takes the remaining 4.117648 ETH for 7,000.0016.
    assertEquals(2, p.liquidate(ctx, List.of()));
    assertEquals(List.of(keeper(0), keeper(1)), venue.takers);
    assertEquals(Precision.MICRO.atoms(5.882352), venue.takes.get(0).atoms());
    assertEquals(9_999.9984, venue.takes.get(0).paid(), 1e-9);
    assertEquals(Precision.MICRO.atoms(4.117648), venue.takes.get(1).atoms());
    assertEquals(7_000.0016, venue.takes.get(1).paid(), 1e-9);
  }

  @Test
  void test_liquidate_throughputLimitsTakesPerRound() {
    FakeAgentContext ctx = context();
    FakeAuctionVenue venue =
        ctx.addVenue(new FakeAuctionVenue("maker", ctx.ledger(), USD).lot(1, ETH, 10, 1_700));
    Population p =
        keepers(ctx, 1, 10_000, 1, List.of(), LiquidatorsSpec.DEFAULT_MIN_AUCTION_DISCOUNT);
    ctx.setClock(3, 1);
    // One liquidator, one action per round: it buys 5.882352 ETH and stops.
    assertEquals(1, p.liquidate(ctx, List.of()));
    assertEquals(1, venue.takes.size());
    // The next round it may act again, with the cash it got back from selling.
    ctx.setClock(3, 2);
    assertEquals(1, p.liquidate(ctx, List.of()));
    assertEquals(2, venue.takes.size());
  }

  @Test
  void test_liquidate_bidsInAuctionsWhenNoAccountIsLiquidatable() {
    // The engine runs a liquidation round while any auction is open, with an empty candidate list.
    FakeAgentContext ctx = context();
    FakeAuctionVenue venue =
        ctx.addVenue(new FakeAuctionVenue("maker", ctx.ledger(), USD).lot(1, ETH, 2, 1_700));
    Population p =
        keepers(ctx, 1, 10_000, 10, List.of(), LiquidatorsSpec.DEFAULT_MIN_AUCTION_DISCOUNT);
    ctx.setClock(4, 1);
    assertEquals(1, p.liquidate(ctx, List.of()));
    assertEquals(1, venue.takes.size());
    assertEquals(Precision.MICRO.atoms(2), venue.takes.get(0).atoms());
  }

  @Test
  void test_liquidate_biddingOnlyOnServedVenues() {
    FakeAgentContext ctx = context();
    FakeAuctionVenue served =
        ctx.addVenue(new FakeAuctionVenue("served", ctx.ledger(), USD).lot(1, ETH, 1, 1_700));
    FakeAuctionVenue other =
        ctx.addVenue(new FakeAuctionVenue("other", ctx.ledger(), USD).lot(1, ETH, 1, 1_700));
    Population p =
        keepers(
            ctx,
            1,
            10_000,
            10,
            List.of(VenueId.of("served")),
            LiquidatorsSpec.DEFAULT_MIN_AUCTION_DISCOUNT);
    ctx.setClock(3, 1);
    assertEquals(1, p.liquidate(ctx, List.of()));
    assertEquals(1, served.takes.size());
    assertEquals(List.of(), other.takes);
  }

  private static Population payingKeepers(FakeAgentContext ctx, double capital, double gas) {
    LiquidatorBehaviour b =
        new LiquidatorBehaviour(
            0, gas, 0, VenueChoice.LISTED, Competition.ROTATION, null, InventoryPolicy.SELL, 0);
    Population p =
        new LiquidatorsSpec(
                "keepers", 1, new Distribution.Constant(capital), List.of(), 10, 0.02, b)
            .resolve(new RandomStreams(SEED, 0));
    p.setUp(ctx);
    return p;
  }

  @Test
  void test_liquidate_gasIsPaidPerTakeAndComesOutOfWhatCapitalBuys() {
    FakeAgentContext ctx = context();
    FakeAuctionVenue venue =
        ctx.addVenue(new FakeAuctionVenue("maker", ctx.ledger(), USD).lot(1, ETH, 5, 1_700));
    Population p = payingKeepers(ctx, 8_530, 50);
    ctx.setClock(3, 1);
    // After 50 of gas, 8,480 buys floor(8,480 / 1,700 ETH) = 4.988235 ETH (8,479.9995 USD); the
    // expected reward 4.988235 * (1,800 - 1,700) = 498.8235 covers the gas.
    assertEquals(1, p.liquidate(ctx, List.of()));
    assertEquals(
        List.of(new AuctionTake(VenueId.of("maker"), 1, ETH, 4_988_235, 8_479.9995)), venue.takes);
    List<LiquidatorCost> costs =
        ctx.events().stream()
            .filter(LiquidatorCost.class::isInstance)
            .map(LiquidatorCost.class::cast)
            .toList();
    assertEquals(1, costs.size());
    assertEquals(
        new LiquidatorCost(
            3, 1, "maker", "keepers/000", "auction/1", 50.0, 0.0, costs.get(0).expectedReward()),
        costs.get(0));
    assertEquals(498.8235, costs.get(0).expectedReward(), 1e-9);
    // external: -8,530 of capital + 50 of gas
    assertEquals(-8_480_000_000L, ctx.ledger().balance(Ledger.EXTERNAL, USD));
    assertEquals(List.of(), ctx.ledger().audit());
  }

  @Test
  void test_liquidate_takeWhoseDiscountDoesNotCoverTheGasIsSkipped() {
    FakeAgentContext ctx = context();
    FakeAuctionVenue venue =
        ctx.addVenue(new FakeAuctionVenue("maker", ctx.ledger(), USD).lot(1, ETH, 0.1, 1_700));
    Population p = payingKeepers(ctx, 10_000, 50);
    ctx.setClock(3, 1);
    // 0.1 ETH * (1,800 - 1,700) = 10 < 50 of gas
    assertEquals(0, p.liquidate(ctx, List.of()));
    assertEquals(List.of(), venue.takes);
    assertEquals(10_000_000_000L, ctx.ledger().balance(keeper(0), USD));
  }
}
