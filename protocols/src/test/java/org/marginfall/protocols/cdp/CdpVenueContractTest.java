package org.marginfall.protocols.cdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.protocols.cdp.CdpHarness.ETH;
import static org.marginfall.protocols.cdp.CdpHarness.USD;
import static org.marginfall.protocols.cdp.CdpHarness.atoms;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.AuctionLot;
import org.marginfall.core.venue.AuctionTake;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * The CDP venue's contract over a long fixed-seed sequence of vault openings, draws, price moves,
 * barks, takes of random size and end-of-tick settlements (fees, resets): after every operation
 * each asset sums to exactly zero, no ordinary account is negative, and the venue's audit (issued
 * supply = vault debt + sin, sin and Dirt = the running auctions', auction collateral = lots, bad
 * debt = its account) is clean. Refused operations move nothing.
 */
class CdpVenueContractTest {

  private static final long SEED = 20_200_312L;
  private static final int OPERATIONS = 3_000;

  @Test
  void test_randomOperations_conserveAndAuditAfterEveryStep() {
    CdpIlk e = CdpHarness.ethIlk();
    // Small holes so partial barks and refusals happen; a stability fee so settle accrues; a steep
    // curve (-10% every 90 s) so late takes end auctions in deficit.
    CdpIlk ilk =
        new CdpIlk(
            ETH,
            e.mat(),
            0.0005,
            500,
            e.chop(),
            25_000,
            e.buf(),
            1_800,
            e.cusp(),
            e.chip(),
            50,
            new Abacus.StairstepExponentialDecrease(90, 0.9));
    CdpHarness h = new CdpHarness(2000);
    CdpVenue venue = h.venue(CdpHarness.spec(ilk, 40_000, 5_000));
    SplittableRandom rnd = new SplittableRandom(SEED);
    List<AccountId> owners = new ArrayList<>();
    List<AccountId> vaults = new ArrayList<>();
    List<AccountId> keepers = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      keepers.add(h.fund("keeper" + k, 20_000 + 30_000 * k, 0));
    }
    double price = 2000;
    long step = 0;
    int barks = 0;
    int takes = 0;
    int refused = 0;
    for (int op = 0; op < OPERATIONS; op++) {
      int kind = rnd.nextInt(6);
      if (kind == 0 && owners.size() < 40) {
        AccountId owner = h.fund("owner" + owners.size(), 0, 1 + rnd.nextDouble() * 20);
        AccountId v = venue.openVault(owner, ETH);
        venue.lock(owner, v, h.ledger.balance(owner, ETH));
        owners.add(owner);
        vaults.add(v);
      } else if (kind == 1 && !vaults.isEmpty()) {
        int i = rnd.nextInt(vaults.size());
        long want = atoms(Math.floor(rnd.nextDouble() * 20_000));
        long[][] before = h.balances();
        try {
          venue.draw(vaults.get(i), owners.get(i), Math.max(1, want));
        } catch (IllegalStateException unsafe) {
          assertArrayEquals(before, h.balances(), "a refused draw moves nothing");
          refused++;
        }
      } else if (kind == 2) {
        price = Math.max(200, price * (1 + (rnd.nextDouble() - 0.55) * 0.1));
        h.setPrice(price);
      } else if (kind == 3) {
        venue.markToMarket();
        for (LiquidationCandidate c : venue.liquidatable()) {
          long[][] before = h.balances();
          if (venue.liquidate(c.account(), keepers.get(rnd.nextInt(keepers.size()))).isPresent()) {
            barks++;
          } else {
            assertArrayEquals(before, h.balances(), "a refused bark moves nothing");
          }
        }
      } else if (kind == 4) {
        for (AuctionLot lot : venue.auctions()) {
          if (rnd.nextInt(4) != 0) {
            continue; // most lots wait, so some run past tail or cusp and are reset
          }
          AccountId k = keepers.get(rnd.nextInt(keepers.size()));
          long amt = 1 + (long) (rnd.nextDouble() * lot.atoms());
          long[][] before = h.balances();
          Optional<AuctionTake> t = venue.take(lot.id(), k, amt, lot.price());
          if (t.isPresent()) {
            takes++;
            // The keeper sells its collateral back to the outside market at the market price.
            h.markets.sell(k, ETH, t.get().atoms());
          } else {
            assertArrayEquals(before, h.balances(), "a refused take moves nothing");
          }
        }
      } else {
        step++;
        h.clock.at(step, 0);
        venue.settle();
      }
      h.assertBooksBalance(venue);
      VenueSnapshot s = venue.snapshot();
      assertEquals(s.badDebt(), -h.ledger.units(AccountId.of("maker", "bad-debt"), USD), 1e-9);
    }
    // The sequence exercised every path it is meant to check.
    assertTrue(barks > 10, "barks " + barks);
    assertTrue(takes > 10, "takes " + takes);
    assertTrue(refused > 10, "refused draws " + refused);
    assertTrue(venue.snapshot().extras().get("stabilityFees") > 0);
    assertTrue(h.eventsOf(AuctionReset.class).size() > 0, "resets");
    assertTrue(
        h.eventsOf(AuctionEnded.class).stream().anyMatch(a -> a.deficit() > 0),
        "an auction ended in deficit");
    assertTrue(
        h.eventsOf(AuctionEnded.class).stream().anyMatch(a -> a.returned() > 0),
        "an auction returned collateral");
    assertTrue(
        h.eventsOf(AuctionStarted.class).stream().anyMatch(AuctionStarted::partial),
        "a partial bark");
  }
}
