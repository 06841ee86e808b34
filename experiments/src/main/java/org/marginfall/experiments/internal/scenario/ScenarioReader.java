package org.marginfall.experiments.internal.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.marginfall.core.contagion.ChannelSwitches;
import org.marginfall.core.engine.MarketSpec;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.OracleSpec;
import org.marginfall.core.price.PriceShock;
import org.marginfall.core.spec.ChannelSwitchesReader;
import org.marginfall.core.spec.CoreTypes;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PriceShockReader;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.RunSettingsReader;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.util.Sha256;

/**
 * Reads a scenario file (YAML, or JSON by the {@code .json} extension) into a validated {@link
 * Scenario}, collecting every failure with its field path.
 *
 * <p>The file is parsed into a plain tree and read section by section in dependency order, one
 * reader per section (run, assets with their prices, correlations, markets, oracles, shocks,
 * venues, agents, contagion); each reference is checked against what the sections before it
 * declared ({@link ReadingState}). The readers of core types sit in {@code core.spec}; the kinds
 * sections name are looked up in the {@link Catalog}. The problems are reported in file order.
 * Stateless apart from its catalog; thread-safe.
 */
public final class ScenarioReader {

  private static final String[] TOP = {
    "name",
    "description",
    "run",
    "baseCurrency",
    "assets",
    "correlations",
    "markets",
    "oracles",
    "shocks",
    "venues",
    "agents",
    "contagion"
  };

  private final Catalog catalog;

  /** Creates a reader for the families in {@code catalog}. */
  public ScenarioReader(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Reads and validates the scenario file at {@code file}.
   *
   * @throws InvalidSpecException with every failure, when the file is missing, malformed or invalid
   */
  public Scenario read(Path file) {
    byte[] bytes = SpecFiles.read(file, file.toString(), "scenario");
    boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    Path dir = file.toAbsolutePath().getParent();
    return read(bytes, json, DataRoot.directory(dir == null ? Path.of("") : dir));
  }

  /** Reads and validates the scenario of {@code source}, with data files next to it. */
  public Scenario read(ScenarioSource source) {
    return read(source.content(), source.json(), source.dataRoot());
  }

  /**
   * Reads and validates scenario content whose data files are relative to the working directory.
   */
  public Scenario read(byte[] content, boolean json) {
    return read(content, json, DataRoot.workingDirectory());
  }

  /** Reads and validates scenario content whose data files are found in {@code dataRoot}. */
  public Scenario read(byte[] content, boolean json, DataRoot dataRoot) {
    Object tree = SpecFiles.parse(content, json, "scenario");
    Problems problems = new Problems();
    SpecNode root = SpecNode.root(tree, problems);
    if (!root.requireObject()) {
      throw new InvalidSpecException(problems.all());
    }
    Scenario scenario;
    try {
      scenario = scenario(new ReadingState(root, dataRoot), sha256(content), content);
    } catch (RuntimeException e) {
      scenario = null;
      ReadingState.afterReportedProblem(problems, e);
    }
    if (!problems.isEmpty() || scenario == null) {
      throw new InvalidSpecException(FileOrder.sort(tree, problems.all()));
    }
    return scenario;
  }

  /** Hex SHA-256 of {@code content}. */
  static String sha256(byte[] content) {
    return Sha256.hex(content);
  }

  /** Reads the sections in dependency order; null after a problem. */
  private Scenario scenario(ReadingState state, String sha256, byte[] content) {
    SpecNode root = state.root;
    CoreTypes types = catalog.coreTypes();
    root.allowOnly(TOP);
    String name = root.optString("name").orElse("scenario");
    String description = root.optString("description").orElse("");
    state.settings = RunSettingsReader.read(root.object("run"));
    AssetsReader.read(state);
    double[][] correlation = CorrelationsReader.read(state);
    List<MarketSpec> markets = MarketsReader.read(state, types);
    List<OracleSpec> oracles = OraclesReader.read(state, types);
    List<PriceShock> shocks = shocks(state);
    VenuesReader.read(state, catalog);
    List<PopulationSpec> populations = AgentsReader.read(state, catalog);
    ChannelSwitches channels = ChannelSwitchesReader.read(root.get("contagion"));
    if (!root.problems().isEmpty()) {
      return null;
    }
    ModelSpec model =
        root.build(
            () ->
                new ModelSpec(
                    state.settings,
                    state.base,
                    List.copyOf(state.assets.values()),
                    state.prices,
                    correlation,
                    markets,
                    oracles,
                    shocks,
                    List.copyOf(state.venues.values()),
                    populations,
                    channels));
    return model == null
        ? null
        : new Scenario(name, description, sha256, model, content, state.dataRoot, state.dataFiles);
  }

  /** The {@code shocks}, each read by core's {@link PriceShockReader}. */
  private static List<PriceShock> shocks(ReadingState state) {
    List<PriceShock> out = new ArrayList<>();
    for (SpecNode s : state.root.optList("shocks")) {
      PriceShock shock = s.requireObject() ? PriceShockReader.read(s, state, state.settings) : null;
      if (shock != null) {
        out.add(shock);
      }
    }
    return out;
  }
}
