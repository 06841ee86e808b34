package org.marginfall.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginfall.core.oracle.StalenessGuard;

/** How a venue's staleness rule is read from a scenario, with its errors at their paths. */
class StalenessGuardReaderTest {

  @Test
  void test_read_defaultsAndErrorsWithTheirPaths() {
    Problems problems = new Problems();
    SpecNode none = SpecNode.root(Map.of(), problems);
    assertEquals(StalenessGuard.OFF, StalenessGuardReader.read(none));
    SpecNode given = SpecNode.root(Map.of("maxOracleAgeSteps", 60, "onStale", "ignore"), problems);
    assertEquals(
        new StalenessGuard(60, StalenessGuard.Action.IGNORE), StalenessGuardReader.read(given));
    assertTrue(problems.isEmpty());
    SpecNode bad = SpecNode.root(Map.of("maxOracleAgeSteps", -1, "onStale", "halt"), problems);
    assertNull(StalenessGuardReader.read(bad));
    assertEquals(
        List.of(
            new Problem("maxOracleAgeSteps", "must be >= 0, was -1"),
            new Problem("onStale", "unknown action 'halt' (known: ignore, pause)")),
        problems.all());
  }
}
