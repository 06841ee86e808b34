package org.marginfall.core.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.contagion.Source;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.market.ImpactModel;
import org.marginfall.core.market.Markets;
import org.marginfall.core.market.SharedMarket;
import org.marginfall.core.oracle.Aggregation;
import org.marginfall.core.oracle.Oracle;
import org.marginfall.core.oracle.OracleDesign;
import org.marginfall.core.oracle.OracleFeed;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.oracle.OracleRule;
import org.marginfall.core.oracle.OracleSource;
import org.marginfall.core.oracle.Oracles;
import org.marginfall.core.testing.ManualClock;
import org.marginfall.core.testing.RecordingSink;
import org.marginfall.core.venue.VenueId;

/**
 * The exact rule for oracle prices (docs/contagion.md): attribution removes from a published price
 * the components of the market prices it was computed from, not those in the market now. ETH's
 * fundamental is 100 and a linear-log market of depth 100 moves ln P by exactly {@code u} for a
 * trade of {@code u} units, so every component below is the log move written next to the trade.
 */
class OracleDecompositionTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final Source A0 = new Source(VenueId.of("A"), 0);
  private static final Source B1 = new Source(VenueId.of("B"), 1);

  private final Markets markets =
      new Markets(new Ledger(List.of(USD, ETH)), USD, new RecordingSink(), new ManualClock());
  private final SharedMarket market =
      new SharedMarket(ETH, new ImpactModel.LinearLog(100), Double.POSITIVE_INFINITY, 100);
  private final Oracles oracles = new Oracles(USD);
  private OracleFeed feed;

  OracleDecompositionTest() {
    markets.add(market);
  }

  private void oracle(OracleDesign design) {
    Oracle o = new Oracle(OracleId.of("feed"), design, null);
    o.addFeed(ETH, 100);
    oracles.add(o);
    feed = o.feed(ETH);
  }

  private static OracleDesign design(
      List<OracleSource> sources, int twap, double minAnswer, OracleRule rule) {
    return new OracleDesign(
        rule,
        sources,
        new Aggregation.Median(),
        twap,
        minAnswer,
        Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY,
        List.of());
  }

  /** Step {@code t}: the oracle reads the market as it is, with its parts, and evaluates. */
  private void step(long t) {
    feed.observe(market.price(), markets.parts(ETH));
    feed.evaluate(t);
  }

  /** The published price with the moves {@code keep} drops removed, as attribution re-marks it. */
  private double without(Keep keep) {
    ComponentTable table = ComponentTable.of(markets, List.of(), null, oracles);
    int row = table.row(feed);
    double f = row < 0 ? 1.0 : table.factors(keep, Keep.ANY, new double[table.rowCount()])[row];
    return feed.price() * f;
  }

  @Test
  void test_laggedOracleLosesOnlyTheImpactInThePriceItRead() {
    oracle(design(List.of(), 1, 0, new OracleRule(3, 1, 0)));
    market.execute(-0.1, A0); // ln P = -0.1
    step(1);
    market.execute(-0.2, B1); // ln P = -0.3, after the price the oracle will publish was read
    step(2);
    step(3);
    step(4); // publishes step 1's price, 3 steps old: 100 e^-0.1 = 90.4837
    assertEquals(100 * Math.exp(-0.1), feed.price(), 1e-9);
    // Everything removed: 90.4837 e^0.1 = 100 (removing what is in the market now, e^0.3, gave
    // 122.14).
    assertEquals(100.0, without(Keep.NOTHING), 1e-9);
    // B's generation-1 impact is not in the published price: keeping generation 0 changes nothing.
    assertEquals(feed.price(), without(Keep.upTo(0)), 1e-12);
  }

  @Test
  void test_twapOfFourSamplesRemovesEachSamplesOwnComponents() {
    oracle(design(List.of(), 4, 0, new OracleRule(0, 1, 0)));
    for (int t = 1; t <= 4; t++) {
      market.execute(-0.1, A0); // sample t carries A0 = -0.1 t
      step(t);
    }
    // TWAP = (100/4)(e^-0.1 + e^-0.2 + e^-0.3 + e^-0.4) = 25 * 3.134706 = 78.3677
    double twap = 25 * (Math.exp(-0.1) + Math.exp(-0.2) + Math.exp(-0.3) + Math.exp(-0.4));
    assertEquals(twap, feed.price(), 1e-9);
    assertEquals(78.3677, feed.price(), 1e-4);
    // Each sample back at 100: the TWAP of the exogenous path. A mean of the components (-0.25)
    // would have given 78.3677 e^0.25 = 100.63 instead.
    assertEquals(100.0, without(Keep.NOTHING), 1e-9);
  }

  @Test
  void test_medianOfThreeSourcesCarriesOnlyTheSelectedSource() {
    List<OracleSource> sources =
        List.of(
            OracleSource.exact("now", 0),
            OracleSource.exact("one-back", 1),
            OracleSource.exact("two-back", 2));
    oracle(design(sources, 1, 0, new OracleRule(0, 1, 0)));
    market.execute(-0.05, A0);
    step(1); // m(1) = 100 e^-0.05, parts {A0: -0.05}
    market.execute(-0.1, B1);
    step(2); // m(2) = 100 e^-0.15, parts {A0: -0.05, B1: -0.1}
    // Readings 85.07 (now), 95.12 (one back), 100 (two back, the initial price): the median is
    // 95.12.
    assertEquals(100 * Math.exp(-0.05), feed.price(), 1e-9);
    assertEquals(100.0, without(Keep.NOTHING), 1e-9);
    // The selected reading predates B's trade: keeping generation 0 keeps the whole price.
    assertEquals(feed.price(), without(Keep.upTo(0)), 1e-12);
  }

  @Test
  void test_clampAtMinAnswerHoldsWhateverIsRemovedBelowTheFloor() {
    oracle(design(List.of(), 1, 95, new OracleRule(0, 1, 0)));
    market.execute(-0.1, A0); // 90.48, below the floor
    step(1);
    assertEquals(95.0, feed.price(), 0);
    // Without A's impact the feed reads 100, above the floor: 100 is published.
    assertEquals(100.0, without(Keep.NOTHING), 1e-9);
    // A fundamental of 90 is below the floor even without the impact: the price stays at 95.
    market.setFundamental(90);
    step(2);
    assertEquals(95.0, feed.price(), 0);
    assertEquals(95.0, without(Keep.NOTHING), 1e-12);
  }

  @Test
  void test_heartbeatHoldKeepsThePublishedPricesComponents() {
    oracle(design(List.of(), 1, 0, new OracleRule(0, 100, 0.05)));
    market.execute(-0.1, A0); // 9.5% below 100: published
    step(1);
    market.execute(-0.01, B1); // 1% more: below the 5% threshold, not published
    step(2);
    assertEquals(100 * Math.exp(-0.1), feed.price(), 1e-9);
    assertEquals(100.0, without(Keep.NOTHING), 1e-9);
  }
}
