package org.marginfall.experiments.internal.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.FieldPath;
import org.marginfall.experiments.internal.scenario.Scenario;
import org.marginfall.experiments.internal.scenario.ScenarioReader;
import org.marginfall.experiments.internal.scenario.SpecFiles;

/**
 * Builds the scenario of a sweep point: the point's values are written into a copy of the base
 * scenario's tree at their field paths, and the result is read by {@link ScenarioReader} like any
 * file, so an invalid point fails with the reader's field-path problems. Immutable and thread-safe.
 */
public final class PointScenarios {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SweepSpec spec;
  private final Object baseTree;
  private final ScenarioReader reader;
  private final Catalog catalog;

  /** Prepares the points of {@code spec}, whose scenarios use the families of {@code catalog}. */
  public PointScenarios(SweepSpec spec, Catalog catalog) {
    this.spec = spec;
    this.baseTree = SpecFiles.parse(spec.scenarioContent(), spec.scenarioJson(), "scenario");
    this.reader = new ScenarioReader(catalog);
    this.catalog = catalog;
  }

  /** The families the points' scenarios (and their twins) are read with. */
  public Catalog catalog() {
    return catalog;
  }

  /** The point's scenario as JSON bytes (the tree with the point's values set). */
  public byte[] content(Point point) {
    Object tree = FieldPath.deepCopy(baseTree);
    for (int p = 0; p < spec.parameters().size(); p++) {
      spec.parameters().get(p).path().setInPlace(tree, point.values().get(p));
    }
    try {
      return JSON.writeValueAsBytes(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed scenario tree is always writable as JSON", e);
    }
  }

  /**
   * The point's validated scenario.
   *
   * @throws InvalidSpecException with the reader's field-path problems when the point is invalid
   */
  public Scenario scenario(Point point) {
    return reader.read(content(point), true, spec.scenarioDataRoot());
  }
}
