package org.marginfall.experiments.internal.run;

import java.util.Map;
import java.util.TreeMap;
import org.marginfall.agents.snapshot.RowSkipped;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.metric.RunListener;

/**
 * Counts the snapshot rows each population skipped at set-up, per reason, from its {@link
 * RowSkipped} events, for {@code summary.json}. Mutable and not thread-safe: one per run.
 */
public final class SkippedRows implements RunListener {

  private final Map<String, Map<String, Long>> counts = new TreeMap<>();

  @Override
  public void onEvent(SimEvent event) {
    if (event instanceof RowSkipped r) {
      counts.computeIfAbsent(r.population(), p -> new TreeMap<>()).merge(r.reason(), 1L, Long::sum);
    }
  }

  /** Rows skipped by {@code population}, per reason key, in key order (empty when none). */
  public Map<String, Long> of(String population) {
    return counts.getOrDefault(population, Map.of());
  }
}
