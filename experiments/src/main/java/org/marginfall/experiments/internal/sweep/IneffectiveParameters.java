package org.marginfall.experiments.internal.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marginfall.experiments.internal.warning.Warning;

/**
 * Finds, after a sweep, the swept parameters that no metric responds to: for a parameter {@code p},
 * the successful runs are grouped by the other parameters' values and the replication (so the same
 * random numbers), and {@code p} has no effect when at least one group holds two or more of its
 * levels and, in every such group, every metric is identical (bit for bit; an undefined metric
 * equals an undefined one) across them. A design that never varies {@code p} alone with the rest
 * fixed (Latin hypercube, Sobol) has no such group, so nothing is claimed about it. Collects rows
 * as they stream by; not thread-safe.
 */
final class IneffectiveParameters {

  private final List<Parameter> parameters;

  /**
   * Per parameter: the group key (other values + replication) to the levels and metric vectors
   * seen.
   */
  private final List<Map<List<String>, Group>> groups = new ArrayList<>();

  /** The levels of one parameter seen in one group, and the distinct metric vectors they gave. */
  private static final class Group {
    final Set<String> levels = new LinkedHashSet<>();
    final Set<List<Double>> outcomes = new HashSet<>();
  }

  IneffectiveParameters(List<Parameter> parameters) {
    this.parameters = List.copyOf(parameters);
    for (int i = 0; i < parameters.size(); i++) {
      groups.add(new HashMap<>());
    }
  }

  /** Adds one row of {@code runs.csv}; failed runs are left out. */
  void add(RunsTable.Row row) {
    if (!row.ok()) {
      return;
    }
    for (int p = 0; p < parameters.size(); p++) {
      List<String> key = new ArrayList<>(row.parameters());
      String level = key.set(p, null);
      key.add(Integer.toString(row.replication()));
      Group g = groups.get(p).computeIfAbsent(key, k -> new Group());
      g.levels.add(level);
      g.outcomes.add(row.metrics());
    }
  }

  /**
   * One warning per parameter shown to have no effect on any metric, in the sweep's parameter
   * order.
   */
  List<Warning> warnings() {
    List<Warning> out = new ArrayList<>();
    for (int p = 0; p < parameters.size(); p++) {
      boolean compared = false;
      boolean effect = false;
      Set<String> levels = new LinkedHashSet<>();
      for (Group g : groups.get(p).values()) {
        if (g.levels.size() >= 2) {
          compared = true;
          levels.addAll(g.levels);
          effect |= g.outcomes.size() > 1;
        }
      }
      if (compared && !effect) {
        out.add(
            new Warning(
                "parameters[" + p + "] (" + parameters.get(p).name() + ")",
                "no effect on any metric: every metric is identical across its "
                    + levels.size()
                    + " levels with the other parameters and the replication held fixed, so this sweep says nothing"
                    + " about "
                    + parameters.get(p).path()
                    + " (is the field read by the scenario's mechanics?)"));
      }
    }
    return out;
  }
}
