package org.marginfall.experiments.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A sweep written in Java: the fields of a sweep file (docs/experiments.md) without its {@code
 * scenario}, which is the {@link Experiment} it runs over. Built fluently, each method returning a
 * new plan; {@link Experiment#sweep(SweepPlan)} checks it with the sweep file's own reader, so a
 * plan fails with the same field paths ({@code parameters[0].path: ...}) as a file. Immutable and
 * thread-safe.
 */
public final class SweepPlan {

  private final Map<String, Object> fields;

  private SweepPlan(Map<String, Object> fields) {
    this.fields = fields;
  }

  /**
   * A grid design: every combination of the parameters' values.
   *
   * @return an empty grid plan; add parameters and metrics
   */
  public static SweepPlan grid() {
    return new SweepPlan(new LinkedHashMap<>(Map.of("design", "grid")));
  }

  /**
   * A sampling design of {@code samples} points over the parameters' ranges: {@code lhs} (Latin
   * hypercube), {@code random} or {@code sobol} (docs/experiments.md).
   *
   * @param design {@code lhs}, {@code random} or {@code sobol}
   * @param samples how many points
   * @return an empty sampled plan; add parameter ranges and metrics
   */
  public static SweepPlan sampled(String design, int samples) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("type", Objects.requireNonNull(design, "design"));
    d.put("samples", samples);
    return new SweepPlan(new LinkedHashMap<>(Map.of("design", d)));
  }

  /**
   * This plan with the parameter {@code name} at {@code path} taking the listed values.
   *
   * @param name the parameter's name in the outputs
   * @param path the scenario field path it sets
   * @param values the values it takes
   * @return a new plan; this one is unchanged
   */
  public SweepPlan values(String name, String path, List<?> values) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("path", path);
    p.put("name", name);
    p.put("values", new ArrayList<>(values));
    return withParameter(p);
  }

  /**
   * This plan with the parameter {@code name} at {@code path} ranging over [{@code min}, {@code
   * max}] (linear).
   *
   * @param name the parameter's name in the outputs
   * @param path the scenario field path it sets
   * @param min the range's lower end
   * @param max the range's upper end
   * @return a new plan; this one is unchanged
   */
  public SweepPlan range(String name, String path, double min, double max) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("path", path);
    p.put("name", name);
    p.put("min", min);
    p.put("max", max);
    return withParameter(p);
  }

  /**
   * This plan collecting the metric {@code name} at {@code path} of {@code summary.json} ({@code
   * venues.perp-isolated.badDebt}).
   *
   * @param name the metric's name in the outputs
   * @param path its field path in {@code summary.json}
   * @return a new plan; this one is unchanged
   */
  public SweepPlan metric(String name, String path) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("path", path);
    return with("metrics", m);
  }

  /**
   * This plan with {@code n} replications per point (default 1).
   *
   * @param n replications per point
   * @return a new plan; this one is unchanged
   */
  public SweepPlan replications(int n) {
    return set("replications", n);
  }

  /**
   * This plan with the sweep seed {@code seed} (default: the scenario's {@code run.seed}).
   *
   * @param seed the sweep seed each run's seed is derived from
   * @return a new plan; this one is unchanged
   */
  public SweepPlan seed(long seed) {
    return set("seed", seed);
  }

  /**
   * This plan checking the invariants at every step of every run.
   *
   * @return a new plan; this one is unchanged
   */
  public SweepPlan audited() {
    return set("audit", true);
  }

  /**
   * This plan named {@code name} (default {@code sweep}).
   *
   * @param name the sweep's name
   * @return a new plan; this one is unchanged
   */
  public SweepPlan named(String name) {
    return set("name", name);
  }

  /** The plan as a sweep file's tree, naming {@code scenario} as its base scenario. */
  Map<String, Object> tree(String scenario) {
    Map<String, Object> t = copy();
    t.put("scenario", scenario);
    return t;
  }

  private SweepPlan withParameter(Map<String, Object> p) {
    return with("parameters", p);
  }

  @SuppressWarnings("unchecked")
  private SweepPlan with(String list, Map<String, Object> item) {
    Map<String, Object> f = copy();
    List<Object> items = new ArrayList<>((List<Object>) f.getOrDefault(list, List.of()));
    items.add(item);
    f.put(list, items);
    return new SweepPlan(f);
  }

  private SweepPlan set(String field, Object value) {
    Map<String, Object> f = copy();
    f.put(field, value);
    return new SweepPlan(f);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> copy() {
    return (Map<String, Object>)
        org.marginfall.experiments.internal.scenario.FieldPath.deepCopy(fields);
  }

  @Override
  public String toString() {
    return "SweepPlan" + fields;
  }
}
