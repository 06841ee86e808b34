package org.marginfall.experiments.internal.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.util.Sha256;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.Scenario;
import org.marginfall.experiments.internal.scenario.ScenarioReader;
import org.marginfall.experiments.internal.scenario.ScenarioSource;
import org.marginfall.experiments.internal.scenario.SpecFiles;

/**
 * Reads a sweep file (YAML) into a {@link SweepSpec}, checking every field with its path and every
 * parameter path and metric against the base scenario; all problems are collected
 * (docs/experiments.md describes the format). Immutable and thread-safe.
 */
public final class SweepReader {

  /** Finds the base scenario a sweep file names. */
  @FunctionalInterface
  public interface ScenarioLocator {
    /**
     * The scenario named {@code reference} in the sweep file.
     *
     * @throws InvalidSpecException when there is none
     */
    ScenarioSource locate(String reference);
  }

  private static final String[] FIELDS = {
    "name",
    "description",
    "scenario",
    "seed",
    "replications",
    "design",
    "audit",
    "parameters",
    "metrics"
  };

  private final Catalog catalog;

  /** Creates a reader whose scenarios use the families of {@code catalog}. */
  public SweepReader(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Whether a parsed file is a sweep file rather than a scenario: a mapping with a {@code
   * parameters} or {@code scenario} field (neither is a scenario's) and no {@code run} field (every
   * scenario has one).
   */
  public static boolean isSweep(Object tree) {
    return tree instanceof Map<?, ?> map
        && (map.containsKey("parameters") || map.containsKey("scenario"))
        && !map.containsKey("run");
  }

  /**
   * Reads the sweep file at {@code file}; its {@code scenario} is a path relative to the file's
   * directory, or the name of a bundled scenario.
   */
  public SweepSpec read(Path file) {
    byte[] bytes = SpecFiles.read(file, "", "sweep");
    Path dir = file.toAbsolutePath().getParent();
    return read(
        bytes,
        reference -> {
          Path relative = dir.resolve(reference);
          return ScenarioSource.resolve(Files.exists(relative) ? relative.toString() : reference);
        });
  }

  /** Reads sweep content whose scenario reference {@code locator} resolves. */
  public SweepSpec read(byte[] content, ScenarioLocator locator) {
    Object tree = SpecFiles.parse(content, false, "sweep");
    Problems problems = new Problems();
    SpecNode root = SpecNode.root(tree, problems);
    if (!root.requireObject()) {
      throw new InvalidSpecException(problems.all());
    }
    root.allowOnly(FIELDS);
    String name = root.optString("name").orElse("sweep");
    String description = root.optString("description").orElse("");
    String reference = root.string("scenario");
    Base found = base(reference, locator, problems);
    ScenarioSource source = found.source();
    Scenario base = found.scenario();
    long seed =
        root.has("seed")
            ? root.longValue("seed")
            : base == null ? 0 : base.model().settings().seed();
    int replications = root.integer("replications", 1, 1, 1_000_000);
    boolean audit = root.bool("audit", false);
    Design design = DesignReader.design(root.get("design"));
    Design.Kind kind = design != null ? design.kind() : DesignReader.kindOf(root.get("design"));
    List<Parameter> parameters = new ParameterReader(found.tree(), kind).read(root);
    List<Metric> metrics = MetricReader.read(root, base);
    if (!problems.isEmpty() || design == null || source == null) {
      throw new InvalidSpecException(problems.all());
    }
    return new SweepSpec(
        name,
        description,
        content,
        sha256(content),
        reference,
        source.content(),
        source.json(),
        parameters,
        design,
        replications,
        seed,
        metrics,
        audit,
        source.dataRoot());
  }

  /**
   * The base scenario {@code reference} names, as far as it reads: its source, the scenario and its
   * parsed tree, each null when that step failed (its problems are reported under {@code scenario})
   * or when there is no reference.
   */
  private Base base(String reference, ScenarioLocator locator, Problems problems) {
    ScenarioSource source = null;
    Scenario scenario = null;
    Object tree = null;
    if (!reference.isEmpty()) {
      try {
        source = locator.locate(reference);
        scenario = new ScenarioReader(catalog).read(source);
        tree = SpecFiles.parse(source.content(), source.json(), "scenario");
      } catch (InvalidSpecException e) {
        for (Problem p : e.problems()) {
          problems.add("scenario", (p.path().isEmpty() ? "" : p.path() + ": ") + p.message());
        }
      }
    }
    return new Base(source, scenario, tree);
  }

  private record Base(ScenarioSource source, Scenario scenario, Object tree) {}

  static String sha256(byte[] content) {
    return Sha256.hex(content);
  }
}
