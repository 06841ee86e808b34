package org.marginfall.core.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.metric.RunListener;
import org.marginfall.core.metric.RunStart;
import org.marginfall.core.metric.StepRecord;

/**
 * A {@link RunListener} that keeps everything a run tells it: the start, every event, every step
 * record and the finish, and a journal line per call.
 *
 * <p>The journal can be shared with fakes (venues, populations) so that a test sees the global
 * order of calls within a tick. Journal lines are {@code start}, {@code
 * event:<type>@<step>/<round>}, {@code record@<step>} and {@code finish}. Mutable and not
 * thread-safe.
 */
public final class RecordingListener implements RunListener {

  private final List<String> journal;
  private final List<RunStart> starts = new ArrayList<>();
  private final List<SimEvent> events = new ArrayList<>();
  private final List<StepRecord> records = new ArrayList<>();
  private int finishes;

  /** A listener with a journal of its own. */
  public RecordingListener() {
    this(new ArrayList<>());
  }

  /** A listener that appends its journal lines to {@code journal}, which others may share. */
  public RecordingListener(List<String> journal) {
    this.journal = journal;
  }

  @Override
  public void onStart(RunStart start) {
    starts.add(start);
    journal.add("start");
  }

  @Override
  public void onEvent(SimEvent event) {
    events.add(event);
    journal.add("event:" + event.type() + "@" + event.step() + "/" + event.round());
  }

  @Override
  public void onStep(StepRecord record) {
    records.add(record);
    journal.add("record@" + record.step());
  }

  @Override
  public void onFinish() {
    finishes++;
    journal.add("finish");
  }

  /** The journal (shared or own), in call order. */
  public List<String> journal() {
    return Collections.unmodifiableList(journal);
  }

  /** Every {@link RunStart} received (one for a complete run). */
  public List<RunStart> starts() {
    return Collections.unmodifiableList(starts);
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

  /** Every step record, in order (step 0 first). */
  public List<StepRecord> records() {
    return Collections.unmodifiableList(records);
  }

  /** The step numbers of the records received, in order. */
  public List<Long> stepNumbers() {
    List<Long> out = new ArrayList<>();
    for (StepRecord r : records) {
      out.add(r.step());
    }
    return out;
  }

  /** The fundamental price of asset number {@code assetIndex} at every recorded step. */
  public double[] fundamentals(int assetIndex) {
    double[] out = new double[records.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = records.get(i).assets().get(assetIndex).fundamental();
    }
    return out;
  }

  /** The market price of asset number {@code assetIndex} at every recorded step. */
  public double[] marketPrices(int assetIndex) {
    double[] out = new double[records.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = records.get(i).assets().get(assetIndex).market();
    }
    return out;
  }

  /** How many times {@link #onFinish()} was called. */
  public int finishes() {
    return finishes;
  }
}
