package org.marginfall.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.testing.ManualClock;

/**
 * The depth factor market makers set: effective depth = scenario depth × product of quoters'
 * factors.
 */
class SharedMarketDepthFactorTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");

  /** k = F / depth = 2000 / 10^6 = 0.002 per unit at full depth. */
  private static final double DEPTH = 1.0e6;

  private static final double FUNDAMENTAL = 2000.0;

  private static SharedMarket market() {
    return new SharedMarket(
        ETH, new ImpactModel.LinearLog(DEPTH), Double.POSITIVE_INFINITY, FUNDAMENTAL);
  }

  @Test
  void test_execute_saleWithFullDepth() {
    // k q = 0.002 * 100 = 0.2: ends at 2000 e^-0.2 = 1637.4615; earns 2000 (1 - e^-0.2) / 0.002 =
    // 181269.2469.
    SharedMarket m = market();
    Execution e = m.execute(-100);
    assertEquals(1637.4615061559637, e.priceAfter(), 1e-9);
    assertEquals(181269.24692201815, e.value(), 1e-6);
    assertEquals(1.0, m.depthFactor(), 0.0);
  }

  @Test
  void test_execute_saleWithHalfTheDepth() {
    // Half the depth: 5 * 10^5, k = 0.004, k q = 0.4: ends at 2000 e^-0.4 = 1340.6401 (twice the
    // log move); earns 2000 (1 - e^-0.4) / 0.004 = 164839.9770.
    SharedMarket m = market();
    assertEquals(0.5, m.setDepthFactor("makers", 0.5), 0.0);
    Execution e = m.execute(-100);
    assertEquals(1340.6400920712786, e.priceAfter(), 1e-9);
    assertEquals(164839.97698218032, e.value(), 1e-6);
    assertEquals(-0.4, m.logImpact(), 1e-14);
  }

  @Test
  void test_setDepthFactor_quotersMultiplyAndRestore() {
    SharedMarket m = market();
    m.setDepthFactor("b-makers", 0.8);
    // 0.5 * 0.8 = 0.4 of the depth: 4 * 10^5.
    assertEquals(0.4, m.setDepthFactor("a-makers", 0.5), 1e-15);
    assertEquals(new ImpactModel.LinearLog(DEPTH * 0.5 * 0.8), m.impactModel());
    assertEquals(new ImpactModel.LinearLog(DEPTH), m.baseImpactModel());
    m.setDepthFactor("a-makers", 1.0);
    assertEquals(0.8, m.depthFactor(), 0.0);
    m.setDepthFactor("b-makers", 1.0);
    assertEquals(new ImpactModel.LinearLog(DEPTH), m.impactModel());
  }

  @Test
  void test_setDepthFactor_outsideUnitIntervalRefused() {
    SharedMarket m = market();
    assertThrows(IllegalArgumentException.class, () -> m.setDepthFactor("makers", 0.0));
    assertThrows(IllegalArgumentException.class, () -> m.setDepthFactor("makers", 1.5));
    assertThrows(IllegalArgumentException.class, () -> m.setDepthFactor("makers", Double.NaN));
    assertEquals(1.0, m.depthFactor(), 0.0);
  }

  @Test
  void test_withDepthFactor_noImpactUnaffected() {
    ImpactModel none = new ImpactModel.None();
    assertSame(none, none.withDepthFactor(0.3));
    SharedMarket m = new SharedMarket(ETH, none, 10, FUNDAMENTAL);
    m.setDepthFactor("makers", 0.3);
    assertEquals(FUNDAMENTAL, m.execute(-100).priceAfter(), 0.0);
  }

  @Test
  void test_buy_costQuotedAtTheReducedDepth() {
    // Markets.buy quotes the cost with the market's impact model: with half the depth, buying 100
    // ETH costs 2000 (e^0.4 - 1) / 0.004 = 245912.3488 (rounded up to atoms), not the full-depth
    // 2000 (e^0.2 - 1) / 0.002 = 221402.7582.
    Ledger ledger = new Ledger(List.of(USD, ETH));
    Markets markets = new Markets(ledger, USD, e -> {}, new ManualClock());
    markets.add(market());
    markets.market(ETH).setDepthFactor("makers", 0.5);
    AccountId buyer = AccountId.of("buyer");
    ledger.open(buyer, AccountType.ORDINARY);
    ledger.transfer(Ledger.EXTERNAL, Markets.account(ETH), ETH, Precision.MICRO.floorAtoms(1000));
    ledger.transfer(Ledger.EXTERNAL, buyer, USD, Precision.MICRO.floorAtoms(300_000));
    markets.buy(buyer, ETH, Precision.MICRO.floorAtoms(100));
    long paid = Precision.MICRO.floorAtoms(300_000) - ledger.balance(buyer, USD);
    assertEquals(Precision.MICRO.ceilAtoms(2000 * Math.expm1(0.4) / 0.004), paid);
    assertEquals(245912.3488, Precision.MICRO.units(paid), 1e-4);
  }
}
