package org.marginfall.experiments.internal.run;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.marginfall.core.event.LiquidationEvent;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.metric.RunListener;

/**
 * The liquidation event types a run emitted, each with the fields whose product is its notional,
 * for {@code manifest.json}'s {@code liquidationEvents} (docs/outputs.md): a reader of {@code
 * events.jsonl} (the run report) recognises liquidations from this list and never from a family's
 * type names. One run's listener; not thread-safe.
 */
final class LiquidationKinds implements RunListener {

  private final SortedMap<String, List<String>> kinds = new TreeMap<>();

  @Override
  public void onEvent(SimEvent event) {
    if (event instanceof LiquidationEvent l && !kinds.containsKey(l.type())) {
      kinds.put(l.type(), List.copyOf(l.notionalFields()));
    }
  }

  /** Event type to its notional fields, sorted by type. */
  SortedMap<String, List<String>> kinds() {
    return Collections.unmodifiableSortedMap(kinds);
  }
}
