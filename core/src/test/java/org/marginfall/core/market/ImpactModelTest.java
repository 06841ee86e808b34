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
    // k q = 0.002 * 100 = 0.2; end price P e^(-0.2) = 2000 * 0.8187307530779818 = 1637.4615061559636
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
    // proceeds = 1900 * 0.18126924692201818 / 0.002 = 172205.7845759173, end = 1900 e^(-0.2) = 1555.5884308481654
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
    assertThrows(IllegalArgumentException.class, () -> new ImpactModel.LinearLog(Double.POSITIVE_INFINITY));
  }
}
