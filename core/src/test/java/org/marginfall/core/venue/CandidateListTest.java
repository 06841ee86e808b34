package org.marginfall.core.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.ledger.AccountId;

class CandidateListTest {

  private static final VenueId VENUE = VenueId.of("v");

  private static LiquidationCandidate candidate(String account, double equity) {
    return new LiquidationCandidate(
        VENUE, AccountId.of(account), new MarginState(equity, 100, 100));
  }

  @Test
  void test_list_dropsAccountsInTheMarkedOrderUntilTheNextMark() {
    CandidateList list = new CandidateList();
    LiquidationCandidate a = candidate("a", 50);
    LiquidationCandidate b = candidate("b", 60);
    LiquidationCandidate c = candidate("c", 70);
    list.replace(List.of(a, b, c));

    list.drop(AccountId.of("b"));
    list.drop(AccountId.of("z")); // not listed: nothing happens

    assertEquals(List.of(a, c), list.list());
    list.drop(AccountId.of("a"));
    assertEquals(List.of(c), list.list());
    // A new mark lists what it finds, whatever was dropped from the last one.
    list.replace(List.of(b, a));
    assertEquals(List.of(b, a), list.list());
    assertThrows(UnsupportedOperationException.class, () -> list.list().add(c));
  }
}
