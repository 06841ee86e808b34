package org.marginfall.core.spec;

import org.marginfall.core.oracle.StalenessGuard;

/**
 * Reads a venue's {@link StalenessGuard} from its scenario node. The reader sits with the spec API
 * rather than in {@code oracle}, so the oracle's domain types do not depend on the scenario reader.
 */
public final class StalenessGuardReader {

  private StalenessGuardReader() {}

  /**
   * Reads a venue's optional {@code maxOracleAgeSteps} and {@code onStale} ({@code pause} or {@code
   * ignore}), reporting failures at their paths.
   *
   * @return the guard ({@link StalenessGuard#OFF} when absent), or null after a failure
   */
  public static StalenessGuard read(SpecNode venue) {
    Problems.Mark mark = venue.mark();
    long age = venue.longValue("maxOracleAgeSteps", 0);
    if (age < 0) {
      venue.get("maxOracleAgeSteps").fail("must be >= 0, was " + age);
    }
    StalenessGuard.Action action =
        venue.choice(
            "onStale",
            "action",
            SpecNode.byName(StalenessGuard.Action::scenarioName, StalenessGuard.Action.values()),
            StalenessGuard.Action.PAUSE);
    if (mark.failed()) {
      return null;
    }
    return new StalenessGuard(age, action);
  }
}
