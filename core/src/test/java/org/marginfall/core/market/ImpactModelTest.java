package org.marginfall.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImpactModelTest {

  /** Depth 10^6 and fundamental 2000 give k = F / depth = 0.002 per unit. */
  private static final double DEPTH = 1.0e6;

  private static final double FUNDAMENTAL = 2000.0;
  private static final double UNITS = 100.0;

  /** Prices are in the thousands: 1e-9 relative. */
  private static final double PRICE_TOLERANCE = 1e-9 * FUNDAMENTAL;

  /** Notionals are in the hundreds of thousands. */
  private static final double VALUE_TOLERANCE = 1e-9 * 2e5;

  private static final ImpactModel.LinearLog LINEAR_LOG = new ImpactModel.LinearLog(DEPTH);

  @Test
  void test_linearLogExecute_saleAtFundamental() {
    Execution e = LINEAR_LOG.execute(FUNDAMENTAL, FUNDAMENTAL, -UNITS);
    // k q = 0.002 * 100 = 0.2; end price P e^(-0.2) = 2000 * 0.8187307530779818 =
    // 1637.4615061559636
    assertEquals(1637.4615061559636, e.priceAfter(), PRICE_TOLERANCE);
    // proceeds P (1 - e^(-kq)) / k = 2000 * 0.18126924692201818 / 0.002 = 181269.24692201818
    assertEquals(181269.24692201818, e.value(), VALUE_TOLERANCE);
    // average price 181269.24692201818 / 100, between the end price and the start price
    assertEquals(1812.6924692201818, e.averagePrice(), PRICE_TOLERANCE);
    assertEquals(-UNITS, e.units(), 0.0);
    assertEquals(FUNDAMENTAL, e.priceBefore(), 0.0);
  }

  @Test
  void test_linearLogExecute_buyAtFundamental() {
    Execution e = LINEAR_LOG.execute(FUNDAMENTAL, FUNDAMENTAL, UNITS);
    // end price P e^(0.2) = 2000 * 1.2214027581601699 = 2442.8055163203397
    assertEquals(2442.8055163203397, e.priceAfter(), PRICE_TOLERANCE);
    // cost P (e^(kq) - 1) / k = 2000 * 0.22140275816016985 / 0.002 = 221402.75816016985
    assertEquals(221402.75816016985, e.value(), VALUE_TOLERANCE);
    assertEquals(2214.0275816016985, e.averagePrice(), PRICE_TOLERANCE);
  }

  @Test
  void test_linearLogExecute_depthScalesWithFundamentalNotMarketPrice() {
    // P = 1900 with F = 2000: k = 2000 / 10^6 still, so kq = 0.2 and
    // proceeds = 1900 * 0.18126924692201818 / 0.002 = 172205.7845759173, end = 1900 e^(-0.2) =
    // 1555.5884308481654
    Execution e = LINEAR_LOG.execute(1900, FUNDAMENTAL, -UNITS);
    assertEquals(172205.7845759173, e.value(), VALUE_TOLERANCE);
    assertEquals(1555.5884308481654, e.priceAfter(), PRICE_TOLERANCE);
  }

  @Test
  void test_linearLogExecute_smallSaleFillsNearPrice() {
    // q = 0.001, kq = 2e-6: proceeds = P q (1 - kq/2 + (kq)^2/6 - ...)
    //   = 2 * (1 - 1e-6 + 6.667e-13) = 1.9999980000013333
    Execution e = LINEAR_LOG.execute(FUNDAMENTAL, FUNDAMENTAL, -0.001);
    assertEquals(1.9999980000013333, e.value(), 1e-15);
  }

  @Test
  void test_linearLogExecute_saleThenBuyOfSameUnitsRestoresPriceAndCostsTheProceeds() {
    Execution sale = LINEAR_LOG.execute(FUNDAMENTAL, FUNDAMENTAL, -UNITS);
    Execution buy = LINEAR_LOG.execute(sale.priceAfter(), FUNDAMENTAL, UNITS);
    // P e^(-kq) e^(kq) = P
    assertEquals(FUNDAMENTAL, buy.priceAfter(), FUNDAMENTAL * 1e-14);
    // buy-back cost P e^(-kq) (e^(kq) - 1) / k = P (1 - e^(-kq)) / k: the sale's proceeds
    assertEquals(sale.value(), buy.value(), VALUE_TOLERANCE);
  }

  @Test
  void test_linearLogExecute_saleBeyondTheFloorFillsTheRestThere() {
    // Depth 1e4 at F = P = 2000: k = 0.2 per unit. The floor 2000e-9 is ln(1e9) / 0.2 = 103.6 units
    // away; selling 10^4 units would end at 2000 e^-2000, which a double rounds to 0.
    ImpactModel.LinearLog thin = new ImpactModel.LinearLog(1e4);
    double floor = FUNDAMENTAL * 1e-9;
    double room = StrictMath.log(1e9) / 0.2;
    Execution e = thin.execute(FUNDAMENTAL, FUNDAMENTAL, -1e4);
    assertEquals(floor, e.priceAfter(), 1e-15 * floor);
    // The book down to the floor pays (P - floor) / k; the other units sell at the floor.
    assertEquals((FUNDAMENTAL - floor) / 0.2 + (1e4 - room) * floor, e.value(), 1e-9);
    // A sale starting at the floor sells every unit there.
    Execution more = thin.execute(floor, FUNDAMENTAL, -5);
    assertEquals(5 * floor, more.value(), 1e-18);
    assertEquals(floor, more.priceAfter(), 0.0);
  }

  @Test
  void test_linearLogExecute_buyBeyondTheCapFillsTheRestThere() {
    // The cap 1000 F is ln(1000) / 0.2 = 34.5 units away; a forced buy of 10^4 units would cost
    // 2000 (e^2000 - 1) / 0.2, infinite in a double.
    ImpactModel.LinearLog thin = new ImpactModel.LinearLog(1e4);
    double cap = FUNDAMENTAL * 1000;
    double room = StrictMath.log(1000) / 0.2;
    Execution e = thin.execute(FUNDAMENTAL, FUNDAMENTAL, 1e4);
    assertEquals(cap, e.priceAfter(), 1e-12 * cap);
    assertEquals((cap - FUNDAMENTAL) / 0.2 + (1e4 - room) * cap, e.value(), 1e-12 * e.value());
    assertTrue(e.value() <= 1e4 * cap);
  }

  @Test
  void test_linearLogExecute_tradesInsideTheBandAreUnchanged() {
    // Exactly the formulas without a band (the bundled examples' results depend on it).
    ImpactModel.LinearLog thin = new ImpactModel.LinearLog(1e4);
    Execution sale = thin.execute(FUNDAMENTAL, FUNDAMENTAL, -100);
    assertEquals(-FUNDAMENTAL * StrictMath.expm1(-20.0) / 0.2, sale.value(), 0.0);
    assertEquals(FUNDAMENTAL * StrictMath.exp(-20.0), sale.priceAfter(), 0.0);
    Execution buy = thin.execute(FUNDAMENTAL, FUNDAMENTAL, 30);
    assertEquals(FUNDAMENTAL * StrictMath.expm1(6.0) / 0.2, buy.value(), 0.0);
  }

  @Test
  void test_linearLogExecute_zeroUnitsIsAnEmptyTrade() {
    Execution e = LINEAR_LOG.execute(1900, FUNDAMENTAL, 0);
    assertEquals(0.0, e.value(), 0.0);
    assertEquals(1900.0, e.priceAfter(), 0.0);
    assertEquals(1900.0, e.averagePrice(), 0.0);
  }

  @Test
  void test_noneExecute_fillsAtCurrentPriceWithoutMovingIt() {
    ImpactModel none = new ImpactModel.None();
    Execution e = none.execute(1900, FUNDAMENTAL, -UNITS);
    assertEquals(190_000.0, e.value(), 0.0);
    assertEquals(1900.0, e.priceAfter(), 0.0);
    assertEquals(1900.0, e.averagePrice(), 0.0);
    assertEquals("none", none.name());
    assertEquals("linear-log", LINEAR_LOG.name());
  }

  @Test
  void test_linearLog_depthMustBePositive() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ImpactModel.LinearLog(0));
    assertTrue(e.getMessage().startsWith("depth:"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> new ImpactModel.LinearLog(Double.POSITIVE_INFINITY));
  }
}
