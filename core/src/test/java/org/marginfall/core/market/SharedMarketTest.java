package org.marginfall.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.contagion.Source;
import org.marginfall.core.venue.VenueId;

class SharedMarketTest {

  private static final AssetId ETH = AssetId.of("ETH");

  /** k = F / depth = 2000 / 10^6 = 0.002 per unit, so a 100-unit sale moves ln P by -0.2. */
  private static final double DEPTH = 1.0e6;

  private static final double FUNDAMENTAL = 2000.0;
  private static final double HALF_LIFE = 4.0;

  private static SharedMarket market(double halfLife) {
    return new SharedMarket(ETH, new ImpactModel.LinearLog(DEPTH), halfLife, FUNDAMENTAL);
  }

  @Test
  void test_execute_saleDisplacesLogPrice() {
    SharedMarket m = market(HALF_LIFE);
    assertEquals(FUNDAMENTAL, m.price(), 0.0);
    m.execute(-100);
    assertEquals(-0.2, m.logImpact(), 1e-14);
    assertEquals(FUNDAMENTAL * Math.exp(-0.2), m.price(), 1e-9);
    assertEquals(FUNDAMENTAL, m.fundamental(), 0.0);
  }

  @Test
  void test_execute_saleThenBuyOfSameUnitsRestoresPrice() {
    SharedMarket m = market(HALF_LIFE);
    m.execute(-100);
    m.execute(100);
    assertEquals(0.0, m.logImpact(), 1e-14);
    assertEquals(FUNDAMENTAL, m.price(), FUNDAMENTAL * 1e-14);
  }

  @Test
  void test_execute_twoSalesEqualOneSaleOfTheSum() {
    SharedMarket split = market(HALF_LIFE);
    Execution first = split.execute(-60);
    Execution second = split.execute(-40);
    SharedMarket whole = market(HALF_LIFE);
    Execution once = whole.execute(-100);
    // log-linear impact is path-independent: both end at F e^(-0.2), proceeds sum to P (1 - e^-0.2)
    // / k
    assertEquals(whole.price(), split.price(), 1e-9);
    assertEquals(once.value(), first.value() + second.value(), 1e-6);
    assertEquals(first.priceAfter(), second.priceBefore(), 0.0);
  }

  @Test
  void test_decay_halvesLogImpactAfterHalfLifeSteps() {
    SharedMarket m = market(HALF_LIFE);
    m.execute(-100);
    for (int i = 0; i < 4; i++) {
      m.decay();
    }
    // -0.2 * 2^(-4/4) = -0.1
    assertEquals(-0.1, m.logImpact(), 1e-15);
    for (int i = 0; i < 4; i++) {
      m.decay();
    }
    assertEquals(-0.05, m.logImpact(), 1e-15);
    assertEquals(FUNDAMENTAL * Math.exp(-0.05), m.price(), 1e-9);
    // one step decays by 2^(-1/4) = 0.8408964152537145
    m.decay();
    assertEquals(-0.05 * 0.8408964152537145, m.logImpact(), 1e-15);
  }

  @Test
  void test_decay_infiniteHalfLifeKeepsImpact() {
    SharedMarket m = market(Double.POSITIVE_INFINITY);
    m.execute(-100);
    double impact = m.logImpact();
    for (int i = 0; i < 1_000; i++) {
      m.decay();
    }
    assertEquals(impact, m.logImpact(), 0.0);
  }

  @Test
  void test_setFundamental_carriesImpactToTheNewLevel() {
    SharedMarket m = market(HALF_LIFE);
    m.execute(-100);
    m.setFundamental(1000);
    // P = F e^I = 1000 e^(-0.2)
    assertEquals(1000 * Math.exp(-0.2), m.price(), 1e-9);
  }

  @Test
  void test_constructor_halfLifeMustBePositive() {
    for (double bad : new double[] {0, -1, Double.NaN}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> market(bad));
      assertTrue(e.getMessage().startsWith("halfLifeSteps:"), e.getMessage());
    }
  }

  @Test
  void test_execute_booksEachSourcesMoveAndTheyDecayTogether() {
    SharedMarket m = market(HALF_LIFE);
    Source a = new Source(VenueId.of("A"), 0);
    Source b = new Source(VenueId.of("B"), 1);
    m.execute(-50); // untagged: ln P moves by -0.1
    m.execute(-100, a); // -0.2 to A's generation-0 liquidations
    m.execute(-25, b); // -0.05 to B's generation-1 liquidations
    assertEquals(-0.35, m.logImpact(), 1e-14);
    assertEquals(-0.2, m.components().get(a), 1e-14);
    assertEquals(-0.05, m.components().get(b), 1e-14);
    m.decay(); // every part by 2^(-1/4) = 0.8408964152537145
    assertEquals(-0.2 * 0.8408964152537145, m.components().get(a), 1e-14);
    assertEquals(-0.35 * 0.8408964152537145, m.logImpact(), 1e-14);
  }

  @Test
  void test_segregate_keepsEachVenuesLiquidationImpactInItsOwnBook() {
    SharedMarket m = market(HALF_LIFE);
    m.segregate();
    VenueId x = VenueId.of("X");
    m.execute(-100, new Source(x, 0)); // -0.2 in X's book only
    m.execute(-50); // -0.1 untagged, seen by everyone
    assertEquals(FUNDAMENTAL * Math.exp(-0.1), m.price(), 1e-9);
    assertEquals(FUNDAMENTAL * Math.exp(-0.3), m.priceFor(x), 1e-9);
    assertEquals(FUNDAMENTAL * Math.exp(-0.1), m.priceFor(VenueId.of("Y")), 1e-9);
  }
}
