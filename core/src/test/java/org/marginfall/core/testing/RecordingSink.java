package org.marginfall.core.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.marginfall.core.event.EventSink;
import org.marginfall.core.event.SimEvent;

/**
 * An {@link EventSink} that keeps every event, for tests of components that emit events outside a
 * run (markets, venues). Mutable and not thread-safe.
 */
public final class RecordingSink implements EventSink {

  private final List<SimEvent> events = new ArrayList<>();

  @Override
  public void emit(SimEvent event) {
    events.add(event);
  }

  /** Every event, in emission order. */
  public List<SimEvent> events() {
    return Collections.unmodifiableList(events);
  }

  /** The events of one type, in emission order. */
  public <T extends SimEvent> List<T> events(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (SimEvent e : events) {
      if (type.isInstance(e)) {
        out.add(type.cast(e));
      }
    }
    return out;
  }
}
