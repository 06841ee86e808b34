package org.marginfall.experiments.api;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.sweep.Metric;
import org.marginfall.experiments.internal.sweep.Parameter;
import org.marginfall.experiments.internal.sweep.Point;
import org.marginfall.experiments.internal.sweep.PointScenarios;
import org.marginfall.experiments.internal.sweep.RunExecutor;
import org.marginfall.experiments.internal.sweep.RunResult;
import org.marginfall.experiments.internal.sweep.SweepReader;
import org.marginfall.experiments.internal.sweep.SweepSpec;
import org.marginfall.reports.risk.MetricStatistics;

/**
 * Runs a sweep in memory with the sweep runner's own parts: the sweep file's reader, its design,
 * seeds and point scenarios, and {@link RunExecutor} without run directories, so each run's metrics
 * equal {@code runs.csv}'s and each point's statistics {@code points.csv}'s. Stateless.
 */
final class ExperimentSweep {

  private ExperimentSweep() {}

  static SweepOutcome run(Experiment x, SweepPlan plan, int threads) {
    SweepSpec spec;
    try {
      spec =
          new SweepReader(x.catalog())
              .read(Experiment.json(plan.tree(x.label())), ref -> x.source());
    } catch (InvalidSpecException e) {
      throw ExperimentException.of("sweep", e);
    } catch (IllegalArgumentException e) {
      throw new ExperimentException(List.of("sweep: " + e.getMessage()));
    }
    return run(spec, threads, x.catalog());
  }

  static SweepOutcome run(Path file, int threads, Catalog catalog) {
    SweepSpec spec;
    try {
      spec = new SweepReader(catalog).read(file);
    } catch (InvalidSpecException e) {
      throw ExperimentException.of(file.toString(), e);
    }
    return run(spec, threads, catalog);
  }

  private static SweepOutcome run(SweepSpec spec, int threads, Catalog catalog) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    RunExecutor executor =
        new RunExecutor(spec, new PointScenarios(spec, catalog), null, Clock.systemUTC());
    List<Point> points = spec.points();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<List<Future<RunResult>>> futures = new ArrayList<>();
      for (Point p : points) {
        List<Future<RunResult>> runs = new ArrayList<>();
        for (int r = 0; r < spec.replications(); r++) {
          int replication = r;
          runs.add(pool.submit(() -> executor.run(p, replication)));
        }
        futures.add(runs);
      }
      List<SweepOutcome.PointOutcome> out = new ArrayList<>(points.size());
      for (int i = 0; i < points.size(); i++) {
        List<RunResult> results = new ArrayList<>();
        for (Future<RunResult> f : futures.get(i)) {
          results.add(take(f));
        }
        out.add(point(spec, points.get(i), results));
      }
      return new SweepOutcome(
          spec.name(),
          spec.parameters().stream().map(Parameter::name).toList(),
          spec.metrics().stream().map(Metric::name).toList(),
          out);
    } finally {
      pool.shutdownNow();
    }
  }

  private static RunResult take(Future<RunResult> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the sweep ran", e);
    } catch (ExecutionException e) {
      // RunExecutor records every failure of the model as a failed run; anything else is a bug.
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * A point's runs and, as {@code points.csv}, each metric's statistics over its successful runs
   * with a value.
   */
  private static SweepOutcome.PointOutcome point(SweepSpec spec, Point p, List<RunResult> results) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < spec.parameters().size(); i++) {
      values.put(spec.parameters().get(i).name(), p.values().get(i));
    }
    List<SweepOutcome.SweepRun> runs = new ArrayList<>();
    for (RunResult r : results) {
      Map<String, Double> metrics = new LinkedHashMap<>();
      for (int m = 0; m < spec.metrics().size(); m++) {
        metrics.put(spec.metrics().get(m).name(), r.metrics().get(m));
      }
      Optional<String> failure =
          r.ok() ? Optional.empty() : Optional.of(r.reason().name() + ": " + r.error());
      runs.add(new SweepOutcome.SweepRun(r.point(), r.replication(), r.seed(), failure, metrics));
    }
    Map<String, MetricStatistics> statistics = new LinkedHashMap<>();
    for (int m = 0; m < spec.metrics().size(); m++) {
      List<Double> v = new ArrayList<>();
      for (RunResult r : results) {
        Double x = r.metrics().get(m);
        if (r.ok() && x != null) {
          v.add(x);
        }
      }
      statistics.put(spec.metrics().get(m).name(), MetricStatistics.of(v));
    }
    return new SweepOutcome.PointOutcome(p.id(), values, runs, statistics);
  }
}
