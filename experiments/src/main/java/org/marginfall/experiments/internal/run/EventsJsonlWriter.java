package org.marginfall.experiments.internal.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.metric.RunListener;

/**
 * Streams {@code events.jsonl}: one JSON object per event, keys sorted, with its {@code type}.
 *
 * <p>Mutable and not thread-safe; one writer per run.
 */
public final class EventsJsonlWriter implements RunListener {

  private final Writer out;
  private long written;

  /** Writes to {@code out}; the caller closes it. */
  public EventsJsonlWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void onEvent(SimEvent event) {
    try {
      out.write(EventJson.line(event));
      out.write('\n');
      written++;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + event, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Events written so far. */
  public long written() {
    return written;
  }
}
