package org.marginfall.agents.liquidator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Liquidators do the same thing, in units, whether the ledger counts ETH at the base currency's six
 * decimals or at twelve: capital, gas and priority fees are base-currency atoms, what an auction
 * take can afford is rescaled from base atoms to the collateral's, and held inventory is valued and
 * trimmed in the collateral's own atoms. The figures are chosen to lie on the six-decimal grid, so
 * both runs must agree to rounding error; a conversion at the wrong asset's precision would be off
 * by a factor of 10^6.
 */
class LiquidatorsPrecisionTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");

  /**
   * Two keepers with 10,050 USD each, 50 USD of gas and a constant 25% priority-fee bid, holding up
   * to 7,200 USD of inventory, bid on a 10 ETH lot at 1,600 (ETH market at 1,800). Keeper 000 can
   * afford (10,050 - 50 - 300) / 1,600 = 6.0625 ETH after its fee of 0.25 (6.25 x 200 - 50) = 300,
   * holds 6.0625 x 1,800 = 10,912.5 and sells the 2.0625 ETH above its limit; keeper 001 takes the
   * remaining 3.9375 ETH.
   */
  private static Map<String, Double> run(List<Integer> decimals) {
    FakeAgentContext ctx =
        new FakeAgentContext(List.of(USD, ETH), decimals).addMarket(ETH, 1800, 1.8e6);
    FakeAuctionVenue venue =
        ctx.addVenue(new FakeAuctionVenue("maker", ctx.ledger(), USD).lot(1, ETH, 10, 1_600));
    LiquidatorBehaviour b =
        new LiquidatorBehaviour(
            0,
            50,
            0,
            VenueChoice.LISTED,
            Competition.PRIORITY_FEE,
            new Distribution.Constant(0.25),
            InventoryPolicy.HOLD,
            7_200);
    Population p =
        new LiquidatorsSpec("keepers", 2, new Distribution.Constant(10_050), List.of(), 1, 0.02, b)
            .resolve(new RandomStreams(42L, 0));
    p.setUp(ctx);
    ctx.setClock(3, 1);
    int acted = p.liquidate(ctx, List.of());
    assertEquals(List.of(), ctx.ledger().audit());

    Precision usd = ctx.precision(USD);
    Precision eth = ctx.precision(ETH);
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("actions", (double) acted);
    for (int i = 0; i < venue.takes.size(); i++) {
      AuctionTake t = venue.takes.get(i);
      out.put("take" + i + ".taker", (double) keeperIndex(venue.takers.get(i)));
      out.put("take" + i + ".units", eth.units(t.atoms()));
      out.put("take" + i + ".paid", t.paid());
    }
    List<LiquidatorCost> costs =
        ctx.events().stream()
            .filter(LiquidatorCost.class::isInstance)
            .map(LiquidatorCost.class::cast)
            .toList();
    for (int i = 0; i < costs.size(); i++) {
      out.put("cost" + i + ".gas", costs.get(i).gas());
      out.put("cost" + i + ".fee", costs.get(i).priorityFee());
      out.put("cost" + i + ".reward", costs.get(i).expectedReward());
    }
    List<MarketTrade> trades =
        ctx.events().stream()
            .filter(MarketTrade.class::isInstance)
            .map(MarketTrade.class::cast)
            .toList();
    for (int i = 0; i < trades.size(); i++) {
      out.put("trade" + i + ".units", trades.get(i).units());
      out.put("trade" + i + ".price", trades.get(i).averagePrice());
    }
    for (int k = 0; k < 2; k++) {
      AccountId keeper = AccountId.of("keepers", String.format(java.util.Locale.ROOT, "%03d", k));
      out.put("keeper" + k + ".usd", usd.units(ctx.ledger().balance(keeper, USD)));
      out.put("keeper" + k + ".eth", eth.units(ctx.ledger().balance(keeper, ETH)));
    }
    // Capital endowed, less gas and fees paid out of the model.
    out.put("external.usd", usd.units(ctx.ledger().balance(Ledger.EXTERNAL, USD)));
    out.put("external.eth", eth.units(ctx.ledger().balance(Ledger.EXTERNAL, ETH)));
    out.put("lots.left", (double) venue.auctions().size());
    return out;
  }

  private static int keeperIndex(AccountId account) {
    return Integer.parseInt(account.value().substring(account.value().lastIndexOf('/') + 1));
  }

  @Test
  void test_liquidate_sameUnitsWhenTokenAndBaseCurrencyHaveDifferentDecimals() {
    Map<String, Double> micro = run(List.of(6, 6));
    Map<String, Double> fine = run(List.of(6, 12));

    // The six-decimal run does what the comment on run() works out.
    assertEquals(2.0, micro.get("actions"));
    assertEquals(6.0625, micro.get("take0.units"), 1e-12);
    assertEquals(9_700, micro.get("take0.paid"), 1e-9);
    assertEquals(3.9375, micro.get("take1.units"), 1e-12);
    assertEquals(300, micro.get("cost0.fee"), 1e-9);
    assertEquals(-2.0625, micro.get("trade0.units"), 1e-12);
    assertEquals(4.0, micro.get("keeper0.eth"), 1e-12);
    assertEquals(3.9375, micro.get("keeper1.eth"), 1e-12);

    assertEquals(micro.keySet(), fine.keySet());
    List<String> differ = new ArrayList<>();
    for (Map.Entry<String, Double> e : micro.entrySet()) {
      double a = e.getValue();
      double f = fine.get(e.getKey());
      if (!(Math.abs(a - f) <= 1e-9 * Math.max(Math.abs(a), Math.abs(f)))) {
        differ.add(e.getKey() + ": " + a + " at 6 decimals, " + f + " at 12");
      }
    }
    assertTrue(differ.isEmpty(), String.join("; ", differ));
  }
}
