package org.marginfall.core.event;

/**
 * An event that sets a per-asset column of {@code timeseries.csv}: column {@code <series>.<asset>},
 * after the asset prices, holds the latest value such events set. A family (a market maker's quoted
 * depth) adds its columns this way without the writer naming it; a column exists only if an event
 * set it by the first recorded step, so runs without such events keep their columns.
 *
 * <p>Implementations are immutable records and thread-safe; these accessors are not record
 * components, so they add nothing to {@code events.jsonl}.
 */
public interface AssetSeriesEvent {

  /** The asset the column is for. */
  String asset();

  /** The column's name before {@code .<asset>}. */
  String series();

  /** The value the column holds from this event on. */
  double seriesValue();
}
