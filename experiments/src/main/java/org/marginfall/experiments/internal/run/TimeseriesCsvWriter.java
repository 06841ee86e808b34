package org.marginfall.experiments.internal.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.event.AssetSeriesEvent;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.metric.HealthBands;
import org.marginfall.core.metric.RunListener;
import org.marginfall.core.metric.StepRecord;

/**
 * Streams {@code timeseries.csv}: a header, then one row per step (see docs/outputs.md).
 *
 * <p>Per-asset columns that events set ({@link AssetSeriesEvent}, e.g. a market maker's {@code
 * depth_factor.<asset>}) follow the asset prices, series in the order first set and assets in the
 * run's order, each holding the latest value; only those set by the first recorded step exist, so
 * runs without such events keep their columns.
 *
 * <p>Mutable and not thread-safe; one writer per run.
 */
public final class TimeseriesCsvWriter implements RunListener {

  /** The health distribution columns of each venue, after its six standard columns. */
  public static final List<String> HEALTH_COLUMNS =
      List.of("health_count", "health_p05", "health_p25", "health_p50", "health_p75", "health_p95");

  private final Writer out;
  private boolean headerWritten;

  /** Series, in the order first set, to asset to the latest value. */
  private final Map<String, Map<String, Double>> seriesValues = new LinkedHashMap<>();

  /** The series columns of the header: series and asset. */
  private final List<String[]> seriesColumns = new ArrayList<>();

  /** Writes to {@code out}; the caller closes it. */
  public TimeseriesCsvWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void onEvent(SimEvent event) {
    if (event instanceof AssetSeriesEvent e) {
      seriesValues
          .computeIfAbsent(e.series(), k -> new HashMap<>())
          .put(e.asset(), e.seriesValue());
    }
  }

  @Override
  public void onStep(StepRecord r) {
    try {
      if (!headerWritten) {
        seriesValues.forEach(
            (series, byAsset) -> {
              for (StepRecord.AssetPoint a : r.assets()) {
                if (byAsset.containsKey(a.asset().value())) {
                  seriesColumns.add(new String[] {series, a.asset().value()});
                }
              }
            });
        out.write(String.join(",", header(r, seriesColumns)));
        out.write('\n');
        headerWritten = true;
      }
      StringBuilder row = new StringBuilder();
      row.append(r.step()).append(',').append(r.timeSeconds());
      for (StepRecord.AssetPoint a : r.assets()) {
        row.append(',').append(a.fundamental()).append(',').append(a.market());
      }
      for (String[] column : seriesColumns) {
        row.append(',').append(seriesValues.get(column[0]).get(column[1]));
      }
      for (StepRecord.OraclePoint o : r.oracles()) {
        row.append(',').append(o.price());
      }
      for (StepRecord.VenuePoint v : r.venues()) {
        row.append(',')
            .append(v.liquidations())
            .append(',')
            .append(v.liquidatedNotional())
            .append(',')
            .append(v.snapshot().badDebt())
            .append(',')
            .append(v.snapshot().insuranceFund())
            .append(',')
            .append(v.snapshot().openInterest())
            .append(',')
            .append(v.snapshot().liquidatable());
        HealthBands h = v.health();
        row.append(',').append(h.count());
        for (double q : h.quantiles()) {
          // No account with risk: the quantiles are undefined, an empty cell (not NaN).
          row.append(',');
          if (h.count() > 0) {
            row.append(q);
          }
        }
        for (double x : v.snapshot().extras().values()) {
          row.append(',').append(x);
        }
      }
      out.write(row.toString());
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> header(StepRecord r, List<String[]> seriesColumns) {
    List<String> h = new ArrayList<>(List.of("step", "time_s"));
    for (StepRecord.AssetPoint a : r.assets()) {
      h.add("fundamental_price." + a.asset());
      h.add("market_price." + a.asset());
    }
    for (String[] column : seriesColumns) {
      h.add(column[0] + "." + column[1]);
    }
    for (StepRecord.OraclePoint o : r.oracles()) {
      h.add("oracle_price." + o.oracle() + "." + o.asset());
    }
    for (StepRecord.VenuePoint v : r.venues()) {
      for (String m :
          List.of(
              "liquidations",
              "liquidated_notional",
              "bad_debt",
              "insurance_fund",
              "open_interest",
              "liquidatable")) {
        h.add(m + "." + v.venue());
      }
      for (String m : HEALTH_COLUMNS) {
        h.add(m + "." + v.venue());
      }
      for (String extra : v.snapshot().extras().keySet()) {
        h.add(extra + "." + v.venue());
      }
    }
    return h;
  }
}
