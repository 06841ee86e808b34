package org.marginfall.experiments.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;
import org.marginfall.experiments.internal.plugin.PluginJars;
import org.marginfall.experiments.internal.scenario.Catalog;

/**
 * The venue and agent types experiments are read with: the built-in ones and those of plug-in jars
 * or of a class loader (docs/extending.md). An experiment made here, and every override, run and
 * sweep of it, uses these types; {@link Experiment}'s own factories use the built-in ones (and any
 * plug-in on the class path).
 *
 * <pre>{@code
 * try (Plugins plugins = Plugins.fromJars(Path.of("my-plugin.jar"))) {
 *   RunOutcome r = plugins.load("my-scenario.yaml").run(7);
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #close()} releases the jars of {@link #fromJars}, after
 * which no experiment made here may run.
 */
public final class Plugins implements AutoCloseable {

  private final Catalog catalog;
  private final PluginJars jars;

  private Plugins(Catalog catalog, PluginJars jars) {
    this.catalog = catalog;
    this.jars = jars;
  }

  /**
   * The built-in types and those of the plug-ins in {@code jars}, as {@code marginfall --plugin}.
   *
   * @param jars plug-in jars, each listing its plug-ins in {@code
   *     META-INF/services/org.marginfall.core.spec.MarginfallPlugin}
   * @return the types, open until {@link #close()}
   * @throws ExperimentException with one line per jar that is missing, is not a jar or lists no
   *     plug-in, or when two plug-ins give the same name
   */
  public static Plugins fromJars(List<Path> jars) {
    try {
      PluginJars opened = PluginJars.open(jars, Plugins.class.getClassLoader(), "plugin");
      return new Plugins(opened.catalog(), opened);
    } catch (InvalidSpecException e) {
      throw lines(e);
    }
  }

  /**
   * As {@link #fromJars(List)}.
   *
   * @param jars plug-in jars
   * @return the types, open until {@link #close()}
   * @throws ExperimentException as {@link #fromJars(List)}
   */
  public static Plugins fromJars(Path... jars) {
    return fromJars(List.of(jars));
  }

  /**
   * The types of every plug-in {@code loader} finds, built-in ones included when it sees
   * Marginfall's own classes (a loader whose parent holds Marginfall). The caller keeps the loader
   * open.
   *
   * @param loader the class loader whose {@code ServiceLoader} finds the plug-ins
   * @return the types
   * @throws ExperimentException when a plug-in cannot be loaded or two give the same name
   */
  public static Plugins fromClassLoader(ClassLoader loader) {
    try {
      return new Plugins(Catalog.discover(Objects.requireNonNull(loader, "loader")), null);
    } catch (InvalidSpecException e) {
      throw lines(e);
    }
  }

  /** The problems as they are: each names its jar ({@code plugin x.jar: no such file}). */
  private static ExperimentException lines(InvalidSpecException e) {
    return new ExperimentException(e.problems().stream().map(Problem::toString).toList());
  }

  /**
   * The venue type names scenario files may use, sorted.
   *
   * @return the names of {@code venues[].type}
   */
  public Set<String> venueTypes() {
    return catalog.venueTypes().names();
  }

  /**
   * The agent type names scenario files may use, sorted.
   *
   * @return the names of {@code agents[].type}
   */
  public Set<String> agentTypes() {
    return catalog.populationTypes().names();
  }

  /**
   * As {@link Experiment#load(String)}, with these types.
   *
   * @param file a scenario file's path, or a bundled scenario's name
   * @return the experiment of that scenario, not yet run
   * @throws ExperimentException when the scenario is invalid
   */
  public Experiment load(String file) {
    return Experiment.load(file, catalog);
  }

  /**
   * As {@link Experiment#load(Path)}, with these types.
   *
   * @param file a scenario file
   * @return the experiment of that scenario, not yet run
   * @throws ExperimentException when the scenario is invalid
   */
  public Experiment load(Path file) {
    return Experiment.load(file.toString(), catalog);
  }

  /**
   * As {@link Experiment#parse(String)}, with these types.
   *
   * @param text the scenario, YAML or JSON
   * @return the experiment of that scenario, not yet run
   * @throws ExperimentException when the scenario is invalid
   */
  public Experiment parse(String text) {
    return Experiment.parse(text, catalog);
  }

  /**
   * As {@link Experiment#fromTree(Map)}, with these types.
   *
   * @param tree the scenario's top-level map; it is copied
   * @return the experiment of that scenario, not yet run
   * @throws ExperimentException when the scenario is invalid
   */
  public Experiment fromTree(Map<String, ?> tree) {
    return Experiment.fromTree(tree, catalog);
  }

  /**
   * As {@link Experiment#sweepFile(Path, int)}, with these types.
   *
   * @param file a sweep file
   * @param threads how many runs at a time; results do not depend on it
   * @return every run's metrics and each point's statistics
   * @throws ExperimentException when the sweep file or its scenario is invalid
   */
  public SweepOutcome sweepFile(Path file, int threads) {
    return ExperimentSweep.run(file, threads, catalog);
  }

  /** Releases the jars of {@link #fromJars}; nothing for {@link #fromClassLoader}. */
  @Override
  public void close() {
    if (jars != null) {
      jars.close();
    }
  }

  @Override
  public String toString() {
    return "Plugins[venue types " + venueTypes() + ", agent types " + agentTypes() + "]";
  }
}
