package org.marginfall.agents.cdp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginfall.agents.testkit.FakeAgentContext;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.venue.DebtAuctions;
import org.marginfall.core.venue.DebtLot;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * Flop keepers' bid rule against a venue that lists given debt lots and records the dents: MKR at
 * 245, margin 2%, so the smallest lot a keeper accepts for 50,000 is 50,000 / (245 x 0.98) =
 * 208.246563..., rounded up to 208.246564 MKR.
 */
class FlopKeepersTest {

  private static final AssetId DAI = AssetId.of("DAI");
  private static final AssetId MKR = AssetId.of("MKR");
  private static final VenueId MAKER = VenueId.of("maker");
  private static final long SUMP = Precision.MICRO.atoms(50_000);

  /** Lists the test's lots and records every dent as landed. */
  private static final class Lots implements Venue, DebtAuctions {
    final List<DebtLot> lots = new ArrayList<>();
    final List<long[]> dents = new ArrayList<>();

    @Override
    public List<DebtLot> debtLots(AccountId bidder) {
      return List.copyOf(lots);
    }

    @Override
    public boolean dentDebt(long auctionId, AccountId bidder, long lotAtoms) {
      dents.add(new long[] {auctionId, lotAtoms});
      return true;
    }

    @Override
    public VenueId id() {
      return MAKER;
    }

    @Override
    public String type() {
      return "cdp";
    }

    @Override
    public Map<String, Object> attributes() {
      return Map.of();
    }

    @Override
    public void markToMarket() {}

    @Override
    public MarginState marginStateNow(AccountId account) {
      return null;
    }

    @Override
    public List<LiquidationCandidate> liquidatable() {
      return List.of();
    }

    @Override
    public Optional<LiquidationOutcome> liquidate(AccountId account, AccountId liquidator) {
      return Optional.empty();
    }

    @Override
    public void settle() {}

    @Override
    public VenueSnapshot snapshot() {
      return null;
    }

    @Override
    public List<String> audit() {
      return List.of();
    }
  }

  private static DebtLot lot(long id, double mkr, boolean mine) {
    return new DebtLot(MAKER, id, MKR, Precision.MICRO.atoms(mkr), SUMP, mine, 1.03);
  }

  private static List<long[]> bids(double capital, DebtLot... lots) {
    FakeAgentContext ctx = new FakeAgentContext(List.of(DAI, MKR)).addMarket(MKR, 245, 1.0e9);
    Lots venue = ctx.addVenue(new Lots());
    FlopKeepers keepers =
        (FlopKeepers)
            new FlopKeepersSpec(
                    "flop",
                    MAKER,
                    1,
                    new Distribution.Constant(capital),
                    new Distribution.Constant(0.02))
                .resolve(new RandomStreams(1, 0));
    keepers.setUp(ctx);
    venue.lots.addAll(List.of(lots));
    keepers.arbitrage(ctx);
    return venue.dents;
  }

  @Test
  void test_aKeeperBidsTheSmallestLotItValuesAboveTheBid_whereThatLotIsBegBelowTheCurrent() {
    List<long[]> dents = bids(1.0e6, lot(1, 250, false), lot(2, 214.5, false));
    assertEquals(2, dents.size());
    assertEquals(1, dents.get(0)[0]);
    assertEquals(208_246_564L, dents.get(0)[1], "ceil(50,000 / 240.1) at six decimals");
    assertEquals(208_246_564L, dents.get(1)[1], "208.246564 x 1.03 = 214.494 <= 214.5");
  }

  @Test
  void test_noBidWhereTheLotIsTooCloseOrTheKeeperLeadsOrLacksTheCash() {
    assertEquals(0, bids(1.0e6, lot(1, 214.49, false)).size(), "214.494 > 214.49");
    assertEquals(0, bids(1.0e6, lot(1, 250, true)).size(), "it leads already");
    assertEquals(0, bids(49_999, lot(1, 250, false)).size(), "less cash than the bid");
  }
}
