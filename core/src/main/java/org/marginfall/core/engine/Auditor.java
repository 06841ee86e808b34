package org.marginfall.core.engine;

import java.util.ArrayList;
import java.util.List;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.metric.StepRecord;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * Checks the run's invariants at the end of every step: per-asset conservation in the ledger, no
 * ordinary account below zero, every price and metric finite, and each venue's own invariants.
 *
 * <p>A violation stops the run with an {@link InvariantViolationException}. Mutable (it counts the
 * steps it checked) and not thread-safe.
 */
final class Auditor {

  private long checked;

  void check(StepRecord record, Ledger ledger, List<Venue> venues) {
    List<String> problems = new ArrayList<>(ledger.audit());
    for (StepRecord.AssetPoint a : record.assets()) {
      finite(problems, "fundamental price of " + a.asset(), a.fundamental());
      finite(problems, "market price of " + a.asset(), a.market());
    }
    for (StepRecord.OraclePoint o : record.oracles()) {
      finite(problems, "oracle " + o.oracle() + " price of " + o.asset(), o.price());
    }
    for (StepRecord.VenuePoint v : record.venues()) {
      VenueSnapshot s = v.snapshot();
      String n = "venue " + v.venue() + " ";
      finite(problems, n + "liquidatedNotional", s.liquidatedNotional());
      finite(problems, n + "liquidationFees", s.liquidationFees());
      finite(problems, n + "insurancePaid", s.insurancePaid());
      finite(problems, n + "badDebt", s.badDebt());
      finite(problems, n + "insuranceFund", s.insuranceFund());
      finite(problems, n + "openInterest", s.openInterest());
    }
    for (Venue v : venues) {
      problems.addAll(v.audit());
    }
    checked++;
    if (!problems.isEmpty()) {
      throw new InvariantViolationException(record.step(), problems);
    }
  }

  long checkedSteps() {
    return checked;
  }

  private static void finite(List<String> problems, String what, double value) {
    if (!Double.isFinite(value)) {
      problems.add(what + " is " + value);
    }
  }
}
