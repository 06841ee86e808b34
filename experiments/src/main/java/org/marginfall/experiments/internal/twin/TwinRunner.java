package org.marginfall.experiments.internal.twin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.marginfall.core.asset.Asset;
import org.marginfall.core.metric.RunListener;
import org.marginfall.experiments.internal.run.Json;
import org.marginfall.experiments.internal.run.RunDirectoryWriter;
import org.marginfall.experiments.internal.run.RunRequest;
import org.marginfall.experiments.internal.scenario.Scenario;
import org.marginfall.experiments.internal.warning.Warning;
import org.marginfall.experiments.internal.warning.WarningsFile;

/**
 * Runs a scenario with its counterfactual twins: the base run directory as usual, each twin as a
 * complete run directory {@code twin/<name>/} inside it, and {@code twin-comparison.json} and
 * {@code twin-comparison.csv} at its root. Everything is written in the base run's staging
 * directory, so a failure in any twin leaves nothing behind. The twins use the base run's seed.
 *
 * <p>Immutable apart from the listeners of the run in progress; one instance serves one run and is
 * not thread-safe.
 */
public final class TwinRunner implements RunDirectoryWriter.Extension {

  /** The comparison files at the base run's root. */
  public static final String JSON_FILE = "twin-comparison.json";

  /** The comparison table at the base run's root. */
  public static final String CSV_FILE = "twin-comparison.csv";

  private final RunDirectoryWriter writer;
  private final RunRequest request;
  private final List<Twin> twins;
  private final List<Scenario> scenarios;
  private final AccountOutcomes baseOwners;
  private final List<TwinComparison> comparisons = new ArrayList<>();
  private final List<Warning> warnings = new ArrayList<>();

  /**
   * The file whose equality means a twin changed nothing: every venue, asset and price, step by
   * step.
   */
  private static final String SERIES = "timeseries.csv";

  /**
   * Prepares the twins of {@code request}'s scenario; each twin scenario is built and validated
   * here, before anything runs.
   *
   * @throws IllegalArgumentException if {@code twins} is empty or names a twin twice
   * @throws org.marginfall.core.spec.InvalidSpecException if a twin's scenario is invalid
   */
  public TwinRunner(
      RunDirectoryWriter writer, RunRequest request, List<Twin> twins, TwinScenarios builder) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.request = Objects.requireNonNull(request, "request");
    this.twins = List.copyOf(twins);
    if (this.twins.isEmpty()) {
      throw new IllegalArgumentException("no twin to run");
    }
    if (new LinkedHashSet<>(this.twins).size() != this.twins.size()) {
      throw new IllegalArgumentException("--twin: each twin may be named once, was " + this.twins);
    }
    List<Scenario> built = new ArrayList<>();
    for (Twin t : this.twins) {
      built.add(builder.scenario(t, request.scenario()));
    }
    this.scenarios = List.copyOf(built);
    this.baseOwners = new AccountOutcomes(assets(request.scenario()));
  }

  /** Runs the base scenario and its twins into {@code request.out()}. */
  public RunDirectoryWriter.Result run() throws IOException {
    return writer.write(request, this);
  }

  @Override
  public List<RunListener> listeners() {
    return List.of(baseOwners);
  }

  @Override
  public void beforeReport(Path dir, RunDirectoryWriter.Result base) throws IOException {
    long seed = base.summary().run().seed();
    comparisons.clear();
    warnings.clear();
    for (int i = 0; i < twins.size(); i++) {
      Twin twin = twins.get(i);
      Path twinDir = Files.createDirectories(dir.resolve("twin").resolve(twin.directory()));
      AccountOutcomes owners = new AccountOutcomes(assets(scenarios.get(i)));
      RunRequest r =
          new RunRequest(
              scenarios.get(i),
              request.source() + " (twin " + twin.name() + ")",
              twinDir,
              java.util.OptionalLong.of(seed),
              request.audit(),
              false,
              request.report(),
              request.longTimeseries());
      RunDirectoryWriter.Result result =
          writer.writeInto(
              twinDir,
              r,
              new RunDirectoryWriter.Extension() {
                @Override
                public List<RunListener> listeners() {
                  return List.of(owners);
                }
              });
      comparisons.add(
          TwinComparison.of(twin, base.summary(), baseOwners, result.summary(), owners));
      if (Files.mismatch(dir.resolve(SERIES), twinDir.resolve(SERIES)) == -1) {
        warnings.add(
            new Warning(
                "twin " + twin.name(),
                "changed nothing: every time series equals the base run's, "
                    + unchangedBecause(twin)));
      }
    }
    WarningsFile.append(dir, warnings);
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("baseCurrency", base.summary().run().baseCurrency());
    root.put("seed", seed);
    ArrayNode list = root.putArray("twins");
    comparisons.forEach(c -> list.add(c.json()));
    try (Writer w = Files.newBufferedWriter(dir.resolve(JSON_FILE), StandardCharsets.UTF_8)) {
      w.write(Json.pretty().writeValueAsString(root));
      w.write('\n');
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve(CSV_FILE), StandardCharsets.UTF_8)) {
      w.write(TwinComparison.CSV_HEADER);
      w.write('\n');
      for (TwinComparison c : comparisons) {
        for (String row : c.csvRows()) {
          w.write(row);
          w.write('\n');
        }
      }
    }
  }

  /** The comparisons of the last {@link #run()}, in the order the twins were named. */
  public List<TwinComparison> comparisons() {
    return List.copyOf(comparisons);
  }

  /** The twins of the last {@link #run()} that changed nothing, as warnings. */
  public List<Warning> warnings() {
    return List.copyOf(warnings);
  }

  /** Why a twin of this kind may change nothing, so the warning says where to look. */
  private static String unchangedBecause(Twin twin) {
    return switch (twin.kind()) {
      case ISOLATED ->
          "so isolated margin makes no difference here (each account holds one market, or every perpetual"
              + " venue is isolated already, and no collateral pool is shared)";
      case NO_IMPACT -> "so no market's price impact made a difference here";
      case NO_CHANNEL -> "so the " + twin.channel() + " channel carried nothing in this run";
      case SET -> "so the new value made no difference to any result";
    };
  }

  private static Set<String> assets(Scenario s) {
    Set<String> ids = new LinkedHashSet<>();
    for (Asset a : s.model().assets()) {
      ids.add(a.id().value());
    }
    return ids;
  }
}
