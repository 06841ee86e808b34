package org.marginfall.protocols.perp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginfall.core.spec.Problem;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.testing.DeclaredSpecContext;

/**
 * Reading a perpetual venue's {@code borrowing} block: the terms, their defaults and every refusal
 * by field path.
 */
class BorrowTermsReaderTest {

  private record Read(VenueSpec spec, List<Problem> problems) {}

  private static Read read(Map<String, Object> venue) {
    Problems problems = new Problems();
    SpecNode node =
        SpecNode.root(Map.of("venues", List.of(venue)), problems).get("venues").elements().get(0);
    VenueSpec spec =
        new PerpetualVenueType()
            .read(node, DeclaredSpecContext.base("USD").spot("ETH").oracles("chainlink"));
    return new Read(spec, problems.all());
  }

  private static Map<String, Object> venue(Object borrowing) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", "mango");
    v.put("type", "perpetual");
    v.put("oracle", "chainlink");
    v.put("initialMargin", 0.2);
    v.put("maintenanceMargin", 0.1);
    v.put("markets", new ArrayList<>(List.of("ETH")));
    if (borrowing != null) {
      v.put("borrowing", borrowing);
    }
    return v;
  }

  @Test
  void test_read_borrowingTermsAndTheirDefaultWeight() {
    Read full = read(venue(Map.of("lendable", 1.15e8, "pnlWeight", 0.5)));
    assertEquals(List.of(), full.problems());
    assertEquals(
        Optional.of(new BorrowTerms(1.15e8, 0.5)), ((PerpetualVenueSpec) full.spec()).borrowing());
    // v3's rule by default: positive PnL counts in full.
    Read lendableOnly = read(venue(Map.of("lendable", 1000)));
    assertEquals(
        Optional.of(new BorrowTerms(1000, 1.0)),
        ((PerpetualVenueSpec) lendableOnly.spec()).borrowing());
    assertEquals(Optional.empty(), ((PerpetualVenueSpec) read(venue(null)).spec()).borrowing());
  }

  @Test
  void test_read_badBorrowingFieldsAreNamedOneByOne() {
    Map<String, Object> bad = new LinkedHashMap<>();
    bad.put("lendable", -5);
    bad.put("pnlWeight", 2);
    bad.put("foo", 1);
    Read r = read(venue(bad));
    assertNull(r.spec());
    assertEquals(
        List.of(
            new Problem("venues[0].borrowing.foo", "unknown field (known: lendable, pnlWeight)"),
            new Problem("venues[0].borrowing.lendable", "must be > 0, was -5.0"),
            new Problem("venues[0].borrowing.pnlWeight", "must be between 0 and 1, was 2.0")),
        r.problems().stream().sorted((a, b) -> a.path().compareTo(b.path())).toList());
  }

  @Test
  void test_read_borrowingNeedsCrossMarginAndBaseCollateralOnly() {
    Map<String, Object> isolated = venue(Map.of("lendable", 1000));
    isolated.put("marginMode", "isolated");
    Read r = read(isolated);
    assertNull(r.spec());
    assertEquals(
        List.of(
            new Problem(
                "venues[0].borrowing",
                "needs marginMode cross and the base currency as the only collateral")),
        r.problems());
  }
}
