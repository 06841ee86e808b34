package org.marginfall.experiments.internal.warning;

import java.util.ArrayList;
import java.util.List;
import org.marginfall.agents.manipulator.OracleManipulatorSpec;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.OracleSpec;
import org.marginfall.core.oracle.OracleFailure;
import org.marginfall.core.price.PriceShock;
import org.marginfall.core.spec.PopulationSpec;

/**
 * The silent no-ops a valid scenario can hold, found before it runs: an oracle failure that starts
 * after the last step, a wrong-price failure with factor 1, a shock of change 0, an oracle
 * manipulator that starts after the last step. Each would run without effect and without a word;
 * {@code validate} and {@code run} print them, and the run report shows them. (A shock after the
 * last step, or a population of count 0, is refused outright by the reader.) Stateless and
 * thread-safe.
 */
public final class ScenarioWarnings {

  private ScenarioWarnings() {}

  /** The warnings of {@code model}, with the field paths of its scenario file. */
  public static List<Warning> of(ModelSpec model) {
    long last = model.settings().steps();
    List<Warning> out = new ArrayList<>();
    for (int i = 0; i < model.oracles().size(); i++) {
      OracleSpec o = model.oracles().get(i);
      List<OracleFailure> failures = o.design().failures();
      for (int j = 0; j < failures.size(); j++) {
        OracleFailure f = failures.get(j);
        String at = "oracles[" + i + "].failures[" + j + "]";
        if (f.fromStep() > last) {
          out.add(
              new Warning(
                  at + ".fromStep",
                  "step "
                      + f.fromStep()
                      + " is after the last step ("
                      + last
                      + "), so the "
                      + f.mode().label()
                      + " failure of "
                      + o.id().value()
                      + " never happens"));
        } else if (f.mode() instanceof OracleFailure.WrongFactor w && w.factor() == 1) {
          out.add(
              new Warning(
                  at + ".factor", "1 publishes the true price, so the failure changes nothing"));
        }
      }
    }
    for (int i = 0; i < model.shocks().size(); i++) {
      PriceShock s = model.shocks().get(i);
      if (s.change() == 0) {
        out.add(
            new Warning(
                "shocks[" + i + "].change",
                "0 leaves the " + s.asset().value() + " price unchanged"));
      }
    }
    for (int i = 0; i < model.populations().size(); i++) {
      PopulationSpec p = model.populations().get(i);
      if (p instanceof OracleManipulatorSpec m && m.startStep() > last) {
        out.add(
            new Warning(
                "agents[" + i + "].startStep",
                "step "
                    + m.startStep()
                    + " is after the last step ("
                    + last
                    + "), so "
                    + m.id()
                    + " never buys"));
      }
    }
    return List.copyOf(out);
  }
}
