package org.marginfall.experiments.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.FieldPath;
import org.marginfall.experiments.internal.scenario.Scenario;
import org.marginfall.experiments.internal.scenario.ScenarioReader;
import org.marginfall.experiments.internal.scenario.ScenarioSource;
import org.marginfall.experiments.internal.scenario.SpecFiles;

/**
 * A scenario to experiment with from Java (docs/api.md): loaded from a file, a bundled name, text
 * or a tree; changed by field overrides, at the field paths sweeps use ({@code
 * venues[1].maintenanceMargin}); run with a seed into values ({@link RunOutcome}); swept ({@link
 * #sweep(SweepPlan)}).
 *
 * <p>An override writes the value into a copy of the scenario's tree, and the tree is read by the
 * same reader as a scenario file, so an override is validated exactly like a hand-edited file.
 * Without overrides the file's own bytes are read, so a run equals {@code marginfall run} of the
 * file byte for byte. Bad input raises {@link ExperimentException}. Immutable and thread-safe:
 * every method returns a new experiment or a new value.
 */
public final class Experiment {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String label;
  private final ScenarioSource source;
  private final Object tree;
  private final boolean overridden;
  private final boolean audit;
  private final Catalog catalog;
  private final Scenario scenario;

  private Experiment(
      String label,
      ScenarioSource source,
      Object tree,
      boolean overridden,
      boolean audit,
      Catalog catalog) {
    this.label = label;
    this.source = source;
    this.tree = tree;
    this.overridden = overridden;
    this.audit = audit;
    this.catalog = catalog;
    // fails at the load or override, not at the first run
    this.scenario = read(label, source, catalog);
  }

  private Experiment(Experiment x, boolean audit) {
    this.catalog = x.catalog;
    this.label = x.label;
    this.source = x.source;
    this.tree = x.tree;
    this.overridden = x.overridden;
    this.audit = audit;
    this.scenario = x.scenario;
  }

  /**
   * The scenario in the file {@code file}, or, when there is no such file, the bundled scenario of
   * that name ({@code flash-crash}), as {@code marginfall run} resolves its argument. Data files
   * are found next to the file.
   *
   * @param file a scenario file's path, or a bundled scenario's name
   * @return the experiment of that scenario, not yet run
   * @throws ExperimentException when neither exists or the scenario is invalid
   */
  public static Experiment load(String file) {
    return load(file, Catalog.standard());
  }

  static Experiment load(String file, Catalog catalog) {
    ScenarioSource s;
    try {
      s = ScenarioSource.resolve(file);
    } catch (InvalidSpecException e) {
      throw ExperimentException.of(file, e);
    }
    return of(s, catalog);
  }

  /**
   * The scenario in {@code file}, as {@link #load(String)}.
   *
   * @param file a scenario file
   * @return the experiment of that scenario, not yet run
   * @throws ExperimentException when the file does not exist or the scenario is invalid
   */
  public static Experiment load(Path file) {
    return load(file.toString());
  }

  /**
   * A scenario written as YAML or JSON text; its data files are found relative to the working
   * directory.
   *
   * @param text the scenario, YAML or JSON
   * @return the experiment of that scenario, not yet run
   * @throws ExperimentException when the text is not a valid scenario
   */
  public static Experiment parse(String text) {
    return parse(text, Catalog.standard());
  }

  static Experiment parse(String text, Catalog catalog) {
    return of(
        new ScenarioSource("scenario", text.getBytes(StandardCharsets.UTF_8), false), catalog);
  }

  /**
   * A scenario given as a tree of maps, lists and scalars (what a YAML or JSON parser returns); its
   * data files are found relative to the working directory.
   *
   * @param tree the scenario's top-level map; it is copied, so later changes to it do not reach the
   *     experiment
   * @return the experiment of that scenario, not yet run
   * @throws ExperimentException when the tree is not a valid scenario
   */
  public static Experiment fromTree(Map<String, ?> tree) {
    return fromTree(tree, Catalog.standard());
  }

  static Experiment fromTree(Map<String, ?> tree, Catalog catalog) {
    return of(new ScenarioSource("scenario", json(FieldPath.deepCopy(tree)), true), catalog);
  }

  private static Experiment of(ScenarioSource source, Catalog catalog) {
    Object tree;
    try {
      tree = SpecFiles.parse(source.content(), source.json(), "scenario");
    } catch (InvalidSpecException e) {
      throw ExperimentException.of(source.label(), e);
    }
    return new Experiment(source.label(), source, tree, false, false, catalog);
  }

  /**
   * This experiment with {@code value} (a number, string, boolean, list or map) at the field path
   * {@code field}. Every step but the last must exist; the last field may be new (e.g. to override
   * a preset).
   *
   * @param field a field path, dotted with list indices in brackets ({@code venues[0].terms.fee})
   * @param value the new value; it is copied
   * @return a new experiment; this one is unchanged
   * @throws ExperimentException naming the field when the path is wrong or the changed scenario is
   *     invalid
   */
  public Experiment with(String field, Object value) {
    return with(Map.of(field, value));
  }

  /**
   * This experiment with every value of {@code fields} at its field path, checked together: for
   * changes that are only valid at once (fewer {@code run.steps} and an earlier shock).
   *
   * @param fields values by field path (as in {@link #with(String, Object)}), applied in the paths'
   *     sorted order
   * @return a new experiment; this one is unchanged
   * @throws ExperimentException with a line per wrong path, or the changed scenario's problems
   */
  public Experiment with(Map<String, ?> fields) {
    Object changed = FieldPath.deepCopy(tree);
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, ?> f : new TreeMap<String, Object>(fields).entrySet()) {
      try {
        FieldPath path = FieldPath.parse(f.getKey());
        String problem = path.problemIn(changed);
        if (problem == null) {
          path.setInPlace(changed, FieldPath.deepCopy(f.getValue()));
        } else {
          problems.add(label + ": " + f.getKey() + ": " + problem);
        }
      } catch (IllegalArgumentException e) {
        problems.add(label + ": " + f.getKey() + ": " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new ExperimentException(problems);
    }
    ScenarioSource s = new ScenarioSource(source.label(), json(changed), true, source.dataRoot());
    return new Experiment(label, s, changed, true, audit, catalog);
  }

  /**
   * This experiment with the conservation, finiteness and venue invariants checked at every step of
   * its runs ({@code marginfall run --audit}); a broken invariant fails the run.
   *
   * @return a new experiment whose runs are audited; this one is unchanged
   */
  public Experiment audited() {
    return new Experiment(this, true);
  }

  /**
   * The scenario's name.
   *
   * @return {@code name} of the scenario file
   */
  public String name() {
    return scenario.name();
  }

  /**
   * Whether a field was overridden (the scenario is then read from its tree written as JSON).
   *
   * @return true after {@link #with(String, Object)} or {@link #with(Map)}
   */
  public boolean overridden() {
    return overridden;
  }

  /**
   * A copy of the scenario's tree, with the overrides.
   *
   * @return maps, lists and scalars, as a YAML or JSON parser returns them
   */
  public Object tree() {
    return FieldPath.deepCopy(tree);
  }

  /**
   * Runs the scenario with its own seed ({@code run.seed}).
   *
   * @return the run's summary, time series and events
   * @throws ExperimentException when the run fails (a field that can only fail at run time is
   *     named)
   */
  public RunOutcome run() {
    return ExperimentRun.run(this, null);
  }

  /**
   * Runs the scenario with {@code seed} ({@code marginfall run --seed}).
   *
   * @param seed the run's seed, in place of {@code run.seed}
   * @return the run's summary, time series and events
   * @throws ExperimentException when the run fails (a field that can only fail at run time is
   *     named)
   */
  public RunOutcome run(long seed) {
    return ExperimentRun.run(this, seed);
  }

  /**
   * Runs {@code plan} over this scenario, in memory (no run directories or sweep files).
   *
   * @param plan the parameters, design and seeds to sweep
   * @param threads how many runs at a time; results do not depend on it
   * @return every run's metrics and each point's statistics
   * @throws ExperimentException when the plan is invalid for this scenario
   */
  public SweepOutcome sweep(SweepPlan plan, int threads) {
    return ExperimentSweep.run(this, plan, threads);
  }

  /**
   * Runs {@code plan} over this scenario on one thread.
   *
   * @param plan the parameters, design and seeds to sweep
   * @return every run's metrics and each point's statistics
   * @throws ExperimentException when the plan is invalid for this scenario
   */
  public SweepOutcome sweep(SweepPlan plan) {
    return sweep(plan, 1);
  }

  /**
   * Runs the sweep file {@code file} (docs/experiments.md) in memory: its per-run metrics and point
   * statistics as values, as {@code marginfall sweep} would write them.
   *
   * @param file a sweep file
   * @param threads how many runs at a time; results do not depend on it
   * @return every run's metrics and each point's statistics
   * @throws ExperimentException when the sweep file or its scenario is invalid
   */
  public static SweepOutcome sweepFile(Path file, int threads) {
    return ExperimentSweep.run(file, threads, Catalog.standard());
  }

  String label() {
    return label;
  }

  ScenarioSource source() {
    return source;
  }

  boolean audit() {
    return audit;
  }

  /** The venue and agent types the scenario was read with. */
  Catalog catalog() {
    return catalog;
  }

  /** The validated scenario. */
  Scenario scenario() {
    return scenario;
  }

  private static Scenario read(String label, ScenarioSource source, Catalog catalog) {
    try {
      return new ScenarioReader(catalog).read(source);
    } catch (InvalidSpecException e) {
      throw ExperimentException.of(label, e);
    }
  }

  static byte[] json(Object tree) {
    try {
      return JSON.writeValueAsBytes(Objects.requireNonNull(tree, "tree"));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the tree is not writable as JSON: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "Experiment["
        + label
        + (overridden ? ", overridden" : "")
        + (audit ? ", audited" : "")
        + "]";
  }
}
