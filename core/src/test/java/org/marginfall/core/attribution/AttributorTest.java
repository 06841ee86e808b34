package org.marginfall.core.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.contagion.Cause;
import org.marginfall.core.contagion.Source;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.market.ImpactModel;
import org.marginfall.core.market.Markets;
import org.marginfall.core.market.SharedMarket;
import org.marginfall.core.oracle.Oracle;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.oracle.OracleRule;
import org.marginfall.core.oracle.Oracles;
import org.marginfall.core.testing.ManualClock;
import org.marginfall.core.testing.RecordingSink;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * The attribution rule on hand-made states: one ETH of collateral marked at the oracle, a fixed
 * requirement, and endogenous moves whose sizes are chosen so each case is decided by arithmetic.
 */
class AttributorTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final OracleId FEED = OracleId.of("feed");
  private static final VenueId A = VenueId.of("A");
  private static final VenueId B = VenueId.of("B");
  private static final Source A0 = new Source(A, 0);
  private static final Source B0 = new Source(B, 0);
  private static final Source B1 = new Source(B, 1);

  private final Markets markets =
      new Markets(new Ledger(List.of(USD, ETH)), USD, new RecordingSink(), new ManualClock());
  private final Oracles oracles = new Oracles(USD);

  /**
   * ETH at fundamental 100 with log impacts {@code moves} booked to their sources; the oracle reads
   * the result.
   */
  private void market(Map<Source, Double> moves) {
    // depth 100 at F = 100: k = 1 per unit, so a sale of u units moves ln P by -u.
    SharedMarket m =
        new SharedMarket(ETH, new ImpactModel.LinearLog(100), Double.POSITIVE_INFINITY, 100);
    markets.add(m);
    moves.forEach((s, v) -> m.execute(v, s));
    // The feed publishes at step 1 what it read then, with the components the market carried.
    Oracle o = new Oracle(FEED, OracleRule.immediate());
    o.addFeed(ETH, 100);
    o.feed(ETH).observe(m.price(), markets.parts(ETH));
    o.feed(ETH).evaluate(1);
    oracles.add(o);
  }

  private Cause attribute(
      double collateralOffset, double requirement, SortedMap<Source, Double> diverted) {
    return attribute(
        new OneAccountVenue(oracles, collateralOffset, requirement, Double.POSITIVE_INFINITY),
        diverted);
  }

  private Cause attribute(Venue venue, SortedMap<Source, Double> diverted) {
    return new Attributor(markets)
        .attribute(
            venue,
            oracles,
            AccountId.of("acct"),
            List.of(ETH),
            diverted,
            MarginState::liquidatable);
  }

  @Test
  void test_attribute_exogenousMoveAloneIsGenerationZero() {
    market(Map.of(A0, -0.1)); // P = 100 e^-0.1 = 90.48
    // Without A's impact the account is worth 100 < 101: the exogenous state already fails.
    assertEquals(Cause.EXOGENOUS, attribute(0, 101, new TreeMap<>()));
  }

  @Test
  void test_attribute_impactOfGenerationZeroIsGenerationOne() {
    market(Map.of(A0, -0.1));
    // 90.48 < 95 now, but 100 >= 95 without A's impact: A's generation-0 sales did it.
    assertEquals(new Cause("market-impact", 1, "A"), attribute(0, 95, new TreeMap<>()));
  }

  @Test
  void test_attribute_smallestSufficientGenerationDecides() {
    market(Map.of(A0, -0.02, B1, -0.1)); // P = 100 e^-0.12 = 88.69
    // Exogenous 100 >= 95; with generation 0 only, 100 e^-0.02 = 98.02 >= 95; with generation 1
    // too, 88.69 < 95: generation 2, blamed on B, whose generation-1 sales did the damage.
    assertEquals(new Cause("market-impact", 2, "B"), attribute(0, 95, new TreeMap<>()));
  }

  @Test
  void test_attribute_withdrawalThatTookMostIsBlamed() {
    market(Map.of(A0, -0.1)); // P = 90.48
    // The account holds 10 less than its ETH (offset -10) because 20 went to defend a position on B
    // (only 20 of the 30 it might have had: the other 10 it never had). Now 80.48 < 85.
    // Exogenous: 100 - 10 + 20 = 110 >= 85. Generation 0 in place: 80.48 < 85 -> generation 1.
    // Damage alone: A's impact 110 - 100.48 = 9.52; B's withdrawal 110 - 90 = 20: B is blamed.
    SortedMap<Source, Double> diverted = new TreeMap<>(Map.of(B0, 20.0));
    assertEquals(new Cause("collateral-withdrawal", 1, "B"), attribute(-10, 85, diverted));
  }

  @Test
  void test_attribute_noComparableCounterfactualBlamesTheFirstVenueInPlay() {
    market(Map.of(A0, -0.1, B0, -0.1)); // P = 100 e^-0.2 = 81.87 < 95: liquidatable
    // Every counterfactual price (100, or 90.48 with one venue's impact) marks the account at an
    // infinite equity: no damage is a number (inf - inf), which left the blamed kind null.
    Venue venue = new OneAccountVenue(oracles, 0, 95, 85);
    assertEquals(new Cause("market-impact", 1, "A"), attribute(venue, new TreeMap<>()));
  }

  /**
   * A venue with one account worth its ETH at the oracle plus an offset, against a fixed
   * requirement; worth infinitely much at an oracle price above {@code infiniteAbove}.
   */
  private record OneAccountVenue(
      Oracles oracles, double offset, double requirement, double infiniteAbove) implements Venue {
    @Override
    public MarginState marginStateNow(AccountId account) {
      double price = oracles.price(FEED, ETH);
      return new MarginState(
          price > infiniteAbove ? Double.POSITIVE_INFINITY : price + offset,
          requirement,
          requirement);
    }

    @Override
    public VenueId id() {
      return VenueId.of("V");
    }

    @Override
    public String type() {
      return "test";
    }

    @Override
    public Map<String, Object> attributes() {
      return Map.of();
    }

    @Override
    public void markToMarket() {}

    @Override
    public List<LiquidationCandidate> liquidatable() {
      return List.of();
    }

    @Override
    public Optional<LiquidationOutcome> liquidate(AccountId account, AccountId liquidator) {
      throw new AssertionError("attribution never liquidates");
    }

    @Override
    public void settle() {}

    @Override
    public VenueSnapshot snapshot() {
      throw new AssertionError("attribution never snapshots");
    }

    @Override
    public List<String> audit() {
      return List.of();
    }
  }
}
