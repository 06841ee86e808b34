package org.marginfall.core.venue;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marginfall.core.ledger.AccountId;

class LiquidationCandidateTest {

  @Test
  void test_sortMostUnderwaterFirst_ordersAsTheComparatorDoes() {
    Random random = new Random(7);
    VenueId venue = VenueId.of("v");
    for (int trial = 0; trial < 50; trial++) {
      List<LiquidationCandidate> candidates = new ArrayList<>();
      int n = random.nextInt(200);
      for (int i = 0; i < n; i++) {
        // Few distinct healths and repeated accounts, so both tie-breaks and stability are
        // exercised.
        double equity = random.nextInt(5) - 1;
        double maintenance = random.nextInt(3);
        AccountId account = AccountId.of("a", Integer.toString(random.nextInt(40)));
        candidates.add(
            new LiquidationCandidate(
                venue, account, new MarginState(equity, maintenance, maintenance)));
      }
      candidates.add(
          new LiquidationCandidate(venue, AccountId.of("nan"), new MarginState(Double.NaN, 1, 1)));
      candidates.add(
          new LiquidationCandidate(venue, AccountId.of("neg-zero"), new MarginState(-0.0, 1, 1)));
      List<LiquidationCandidate> expected = new ArrayList<>(candidates);
      expected.sort(LiquidationCandidate.MOST_UNDERWATER_FIRST);
      LiquidationCandidate.sortMostUnderwaterFirst(candidates);
      for (int i = 0; i < expected.size(); i++) {
        assertSame(expected.get(i), candidates.get(i), "at " + i);
      }
    }
  }
}
