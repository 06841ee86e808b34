package org.marginfall.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.contagion.CauseKind;
import org.marginfall.core.contagion.Component;
import org.marginfall.core.contagion.PriceParts;
import org.marginfall.core.contagion.Source;
import org.marginfall.core.event.MarketTrade;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.testing.ManualClock;
import org.marginfall.core.testing.RecordingSink;
import org.marginfall.core.venue.VenueId;

class MarketsTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AccountId SELLER = AccountId.of("traders", "alice");
  private static final AccountId MARKET_ETH = AccountId.of("market", "ETH");

  /** k = 2000 / 10^6 = 0.002 per unit. */
  private static final double DEPTH = 1.0e6;

  private static final double FUNDAMENTAL = 2000.0;
  private static final long TEN_ETH = 10_000_000L;
  private static final long TWO_ETH = 2_000_000L;

  private Ledger ledger;
  private RecordingSink sink;
  private Markets markets;

  @BeforeEach
  void setUp() {
    ledger = new Ledger(List.of(USD, ETH));
    sink = new RecordingSink();
    markets = new Markets(ledger, USD, sink, new ManualClock().at(7, 2));
    markets.add(
        new SharedMarket(
            ETH, new ImpactModel.LinearLog(DEPTH), Double.POSITIVE_INFINITY, FUNDAMENTAL));
    ledger.open(SELLER, AccountType.ORDINARY);
    ledger.transfer(Ledger.EXTERNAL, SELLER, ETH, TEN_ETH);
  }

  @Test
  void test_sell_movesUnitsToMarketAccountAndFlooredProceedsBack() {
    Execution e = markets.sell(SELLER, ETH, TWO_ETH);

    // kq = 0.002 * 2 = 0.004; proceeds = 2000 (1 - e^-0.004) / 0.002 = 10^6 * 0.0039920106560085
    //      = 3992.0106560085 USD = 3_992_010_656.0085 atoms, floored to 3_992_010_656
    assertEquals(3992.0106560085, e.value(), 1e-9);
    long proceedsAtoms = 3_992_010_656L;
    assertEquals(TEN_ETH - TWO_ETH, ledger.balance(SELLER, ETH));
    assertEquals(TWO_ETH, ledger.balance(MARKET_ETH, ETH));
    assertEquals(proceedsAtoms, ledger.balance(SELLER, USD));
    assertEquals(-proceedsAtoms, ledger.balance(MARKET_ETH, USD));
    assertEquals(0L, ledger.total(ETH));
    assertEquals(0L, ledger.total(USD));
    assertTrue(ledger.audit().isEmpty());
    // the price moved to 2000 e^-0.004 = 1992.015978687983
    assertEquals(1992.015978687983, markets.price(ETH), 1e-9);
  }

  @Test
  void test_sell_emitsMarketTradeStampedWithClock() {
    Execution e = markets.sell(SELLER, ETH, TWO_ETH);
    List<MarketTrade> trades = sink.events(MarketTrade.class);
    assertEquals(1, trades.size());
    MarketTrade t = trades.get(0);
    assertEquals(7L, t.step());
    assertEquals(2, t.round());
    assertEquals("ETH", t.asset());
    assertEquals("traders/alice", t.trader());
    assertEquals(-2.0, t.units(), 0.0);
    // average = 3992.0106560085 / 2
    assertEquals(1996.00532800425, t.averagePrice(), 1e-9);
    assertEquals(FUNDAMENTAL, t.priceBefore(), 0.0);
    assertEquals(e.priceAfter(), t.priceAfter(), 0.0);
    assertEquals("market_trade", t.type());
  }

  @Test
  void test_sell_moreThanHeldIsRefusedWithoutMovingThePrice() {
    long transfers = ledger.transferCount();
    assertThrows(IllegalStateException.class, () -> markets.sell(SELLER, ETH, TEN_ETH + 1));
    assertEquals(FUNDAMENTAL, markets.price(ETH), 0.0);
    assertEquals(0.0, markets.market(ETH).logImpact(), 0.0);
    assertEquals(TEN_ETH, ledger.balance(SELLER, ETH));
    assertEquals(0L, ledger.balance(SELLER, USD));
    assertEquals(transfers, ledger.transferCount());
    assertTrue(sink.events().isEmpty());
  }

  @Test
  void test_tradeSynthetic_movesPriceButNoBalances() {
    long transfers = ledger.transferCount();
    Execution e = markets.tradeSynthetic("perp-a", ETH, -5);
    // kq = 0.01: 2000 e^-0.01 = 1980.0996674983362
    assertEquals(1980.0996674983362, markets.price(ETH), 1e-9);
    assertEquals(e.priceAfter(), markets.price(ETH), 0.0);
    assertEquals(transfers, ledger.transferCount());
    for (AccountId account : ledger.accounts()) {
      assertEquals(
          account.equals(Ledger.EXTERNAL) ? -TEN_ETH : account.equals(SELLER) ? TEN_ETH : 0L,
          ledger.balance(account, ETH),
          account.toString());
      assertEquals(0L, ledger.balance(account, USD), account.toString());
    }
    MarketTrade t = sink.events(MarketTrade.class).get(0);
    assertEquals("perp-a", t.trader());
    assertEquals(-5.0, t.units(), 0.0);
  }

  @Test
  void test_add_opensExternalMarketAccountAndRejectsDuplicates() {
    assertTrue(ledger.isOpen(MARKET_ETH));
    assertEquals(MARKET_ETH, Markets.account(ETH));
    // external: it can pay out what it has not received
    ledger.transfer(MARKET_ETH, SELLER, USD, 1L);
    assertThrows(
        IllegalArgumentException.class,
        () -> markets.add(new SharedMarket(ETH, new ImpactModel.None(), 1, FUNDAMENTAL)));
  }

  @Test
  void test_price_baseIsOneAndUnknownAssetRejected() {
    assertEquals(1.0, markets.price(USD), 0.0);
    assertTrue(markets.has(ETH));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> markets.price(AssetId.of("BTC")));
    assertTrue(e.getMessage().contains("BTC"), e.getMessage());
    assertEquals(1, markets.all().size());
  }

  @Test
  void test_buy_paysCeiledCostAndReceivesUnitsFromTheMarketAccount() {
    AccountId buyer = AccountId.of("traders", "bob");
    ledger.open(buyer, AccountType.ORDINARY);
    ledger.transfer(Ledger.EXTERNAL, buyer, USD, 5_000_000_000L); // 5000 USD
    Execution e = markets.buy(buyer, ETH, TWO_ETH);
    // kq = 0.004; cost = 2000 (e^0.004 - 1) / 0.002 = 10^6 * 0.0040080106773419
    //    = 4008.0106773419 USD, ceiled to 4_008_010_678 atoms; price ends at 2000 e^0.004.
    assertEquals(4008.0106773419, e.value(), 1e-9);
    assertEquals(5_000_000_000L - 4_008_010_678L, ledger.balance(buyer, USD));
    assertEquals(TWO_ETH, ledger.balance(buyer, ETH));
    assertEquals(-TWO_ETH, ledger.balance(MARKET_ETH, ETH));
    assertEquals(2000 * Math.exp(0.004), markets.price(ETH), 1e-9);
    assertEquals(0L, ledger.total(USD));
    assertTrue(ledger.audit().isEmpty());
  }

  @Test
  void test_buy_withoutTheCostIsRefusedAndNothingMoves() {
    AccountId buyer = AccountId.of("traders", "bob");
    ledger.open(buyer, AccountType.ORDINARY);
    ledger.transfer(Ledger.EXTERNAL, buyer, USD, 4_008_010_677L); // one atom short of the cost
    assertThrows(IllegalStateException.class, () -> markets.buy(buyer, ETH, TWO_ETH));
    assertEquals(FUNDAMENTAL, markets.price(ETH), 0);
    assertEquals(4_008_010_677L, ledger.balance(buyer, USD));
    assertEquals(0L, ledger.balance(buyer, ETH));
  }

  @Test
  void test_defineDerived_priceIsTheIssuersNavReadOnDemand() {
    AssetId share = AssetId.of("HLP");
    double[] nav = {1.0};
    markets.defineDerived(share, () -> nav[0]);
    assertTrue(markets.isDerived(share));
    assertEquals(List.of(share), markets.derivedAssets());
    assertEquals(1.0, markets.price(share), 0);
    nav[0] = 0.8; // the issuer lost 20% of its equity
    assertEquals(0.8, markets.price(share), 0);
    assertThrows(IllegalArgumentException.class, () -> markets.defineDerived(share, () -> 1.0));
    assertThrows(IllegalArgumentException.class, () -> markets.defineDerived(ETH, () -> 1.0));
  }

  @Test
  void test_parts_derivedAssetSeesItsLossesSecondaryImpactAndUnderlyingAfterEveryChange() {
    AssetId receipt = AssetId.of("aETH");
    Source a0 = new Source(VenueId.of("A"), 0);
    Source b0 = new Source(VenueId.of("B"), 0);
    double[] lossIndex = {1.0};
    markets.defineDerived(receipt, () -> 1.0, ETH, () -> lossIndex[0]);
    markets.add(
        new SharedMarket(receipt, new ImpactModel.LinearLog(DEPTH), Double.POSITIVE_INFINITY, 1.0));
    markets.setSource(a0);
    markets.tradeSynthetic("venue/A", ETH, -100);
    double ethMove = markets.market(ETH).components().get(a0);
    assertEquals(
        Map.of(new Component(a0, CauseKind.MARKET_IMPACT), ethMove), markets.components(receipt));

    markets.setSource(b0);
    lossIndex[0] = 0.9;
    markets.observeLosses();
    markets.tradeSynthetic("venue/B", receipt, -100);
    markets.setSource(a0);
    markets.tradeSynthetic(
        "venue/A", ETH, -100); // only the underlying changed: the receipt sees it too
    double secondary = markets.market(receipt).components().get(b0);
    double ethNow = markets.market(ETH).components().get(a0);
    assertEquals(
        Map.of(
            new Component(a0, CauseKind.MARKET_IMPACT),
            ethNow,
            new Component(b0, CauseKind.NAV_LOSS),
            secondary + StrictMath.log(0.9)),
        markets.components(receipt));
    PriceParts parts = markets.parts(receipt);
    assertEquals(a0, parts.source(0)); // generation 0 on A before generation 0 on B
    assertEquals(b0, parts.source(1));
  }
}
