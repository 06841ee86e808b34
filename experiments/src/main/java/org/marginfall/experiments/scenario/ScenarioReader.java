package org.marginfall.experiments.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.marginfall.core.asset.Asset;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.contagion.Channel;
import org.marginfall.core.contagion.ChannelSwitches;
import org.marginfall.core.engine.MarketSpec;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.OracleSpec;
import org.marginfall.core.market.ImpactModel;
import org.marginfall.core.metric.RunSettings;
import org.marginfall.core.oracle.Aggregation;
import org.marginfall.core.oracle.OracleDesign;
import org.marginfall.core.oracle.OracleFailure;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.oracle.OracleRule;
import org.marginfall.core.oracle.OracleSource;
import org.marginfall.core.price.JumpSpec;
import org.marginfall.core.price.PriceProcessSpec;
import org.marginfall.core.price.PriceShock;
import org.marginfall.core.spec.DataFiles;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Problem;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.spec.VenueType;
import org.marginfall.core.util.Checks;
import org.marginfall.core.util.Sha256;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;

/**
 * Reads a scenario file (YAML, or JSON by the {@code .json} extension) into a validated {@link
 * Scenario}, collecting every failure with its field path.
 *
 * <p>The file is parsed into a plain tree, read section by section in dependency order (assets,
 * markets, oracles, shocks, venues, agents), and each reference is checked against what was
 * declared before it. The problems are reported in file order. Stateless apart from its catalog;
 * thread-safe.
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

  /** Ledger path roots the engine uses itself ({@code external}, {@code market/<asset>}). */
  private static final Set<String> RESERVED = Set.of("external", "market");

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
      scenario = new Reading(root, dataRoot).scenario(sha256(content), content);
    } catch (RuntimeException e) {
      scenario = null;
      afterReportedProblem(problems, e);
    }
    if (!problems.isEmpty() || scenario == null) {
      throw new InvalidSpecException(inFileOrder(tree, problems.all()));
    }
    return scenario;
  }

  /**
   * Accepts {@code failure} as a consequence of a problem already reported (a reader that used a
   * value an earlier section failed to provide, such as a missing base currency): the reported
   * problem is what the user must fix. A failure with nothing reported is a bug and is rethrown.
   */
  private static void afterReportedProblem(Problems problems, RuntimeException failure) {
    if (problems.isEmpty()) {
      throw failure;
    }
  }

  /**
   * Sorts problems by where their path appears in the file (a stable sort, so problems of one field
   * keep the order they were found in). The sections are read in dependency order, not file order,
   * and a mapping's unknown fields are found before its values; sorting makes the list read top to
   * bottom like the file. A path that is not in the file (a missing field) sorts with its nearest
   * present ancestor; a problem of the whole file comes first.
   */
  private static List<Problem> inFileOrder(Object tree, List<Problem> problems) {
    Map<String, Integer> order = new HashMap<>();
    index(tree, "", order);
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparingInt(p -> rank(p.path(), order)));
    return sorted;
  }

  /** Numbers every path of {@code node} in pre-order, using {@link SpecNode}'s path syntax. */
  private static void index(Object node, String path, Map<String, Integer> order) {
    order.putIfAbsent(path, order.size());
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = String.valueOf(e.getKey());
        index(e.getValue(), path.isEmpty() ? key : path + "." + key, order);
      }
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        index(list.get(i), path + "[" + i + "]", order);
      }
    }
  }

  private static int rank(String path, Map<String, Integer> order) {
    String p = path;
    while (!p.isEmpty()) {
      Integer r = order.get(p);
      if (r != null) {
        return r;
      }
      p = p.substring(0, Math.max(0, Math.max(p.lastIndexOf('.'), p.lastIndexOf('['))));
    }
    return -1;
  }

  /** Hex SHA-256 of {@code content}. */
  static String sha256(byte[] content) {
    return Sha256.hex(content);
  }

  /**
   * One reading pass; it is the {@link SpecContext} that venue and agent readers look ids up in.
   */
  private final class Reading implements SpecContext {

    private final SpecNode root;
    private final Map<AssetId, Asset> assets = new LinkedHashMap<>();
    private final Map<AssetId, SpecNode> assetNodes = new LinkedHashMap<>();
    private final Map<AssetId, PriceProcessSpec> prices = new LinkedHashMap<>();
    private final Set<OracleId> oracleIds = new LinkedHashSet<>();
    private final Map<VenueId, VenueSpec> venues = new LinkedHashMap<>();

    /** Venues declared with a valid id whose entry has problems; see {@link InvalidVenue}. */
    private final Map<VenueId, VenueSpec> invalidVenues = new LinkedHashMap<>();

    private final DataRoot dataRoot;
    private final List<Scenario.DataFile> dataFiles = new ArrayList<>();

    /** Spot assets whose price section is historical (a replay or a bootstrap), read or not. */
    private final Set<AssetId> historical = new LinkedHashSet<>();

    private AssetId base;
    private RunSettings settings;

    Reading(SpecNode root, DataRoot dataRoot) {
      this.root = root;
      this.dataRoot = dataRoot;
    }

    @Override
    public DataFiles dataFiles() {
      return dataRoot;
    }

    Scenario scenario(String sha256, byte[] content) {
      Problems problems = root.problems();
      root.allowOnly(TOP);
      String name = root.optString("name").orElse("scenario");
      String description = root.optString("description").orElse("");
      settings = runSettings(root.object("run"));
      readAssets();
      double[][] correlation = correlations();
      List<MarketSpec> markets = markets();
      List<OracleSpec> oracles = oracles();
      List<PriceShock> shocks = shocks(settings);
      readVenues();
      checkIssuers();
      List<PopulationSpec> populations = populations();
      ChannelSwitches channels = channels(root.get("contagion"));
      if (!problems.isEmpty()) {
        return null;
      }
      ModelSpec model =
          root.build(
              () ->
                  new ModelSpec(
                      settings,
                      base,
                      List.copyOf(assets.values()),
                      prices,
                      correlation,
                      markets,
                      oracles,
                      shocks,
                      List.copyOf(venues.values()),
                      populations,
                      channels));
      return model == null
          ? null
          : new Scenario(name, description, sha256, model, content, dataRoot, dataFiles);
    }

    private RunSettings runSettings(SpecNode run) {
      int mark = run.problems().count();
      run.allowOnly("steps", "stepSeconds", "maxLiquidationRounds", "seed");
      long steps = run.longValue("steps");
      if (steps < 1 && !run.problems().since(mark)) {
        run.get("steps").fail("must be >= 1, was " + steps);
      } else if (steps > RunSettings.MAX_STEPS) {
        run.get("steps")
            .fail(
                "must be at most "
                    + RunSettings.MAX_STEPS
                    + " (docs/scenarios.md: for a longer horizon, lengthen stepSeconds), was "
                    + steps);
      }
      double stepSeconds =
          run.atMost("stepSeconds", run.positive("stepSeconds"), RunSettings.MAX_STEP_SECONDS);
      int rounds = run.integer("maxLiquidationRounds", 5, 1, 1000);
      long seed = run.longValue("seed");
      if (run.problems().since(mark)) {
        return null;
      }
      return run.build(() -> new RunSettings(steps, stepSeconds, rounds, seed));
    }

    private void readAssets() {
      String baseName = root.id("baseCurrency");
      for (SpecNode a : root.list("assets")) {
        if (!a.requireObject()) {
          continue;
        }
        a.allowOnly("id", "kind", "decimals", "price");
        String id = a.id("id");
        String kindName = a.optString("kind").orElse("spot");
        AssetKind kind =
            switch (kindName) {
              case "base" -> AssetKind.BASE;
              case "spot" -> AssetKind.SPOT;
              case "derived" -> AssetKind.DERIVED;
              default -> {
                a.get("kind")
                    .fail("unknown asset kind '" + kindName + "' (known: base, derived, spot)");
                yield null;
              }
            };
        if (!Checks.isId(id) || kind == null) {
          continue;
        }
        AssetId assetId = AssetId.of(id);
        if (assets.containsKey(assetId)) {
          a.get("id").fail("duplicate asset id '" + id + "'");
          continue;
        }
        int decimals =
            a.has("decimals") ? a.integer("decimals", 0, 0, Asset.MAX_DECIMALS) : Asset.AUTO;
        assets.put(assetId, new Asset(assetId, kind, decimals));
        assetNodes.put(assetId, a);
        if (kind == AssetKind.SPOT) {
          if (a.get("price").isObject() && HistoricalPriceReader.isHistorical(a.get("price"))) {
            historical.add(assetId);
          }
          PriceProcessSpec p = priceProcess(a.object("price"));
          if (p != null) {
            prices.put(assetId, p);
          }
        } else if (a.has("price") && kind == AssetKind.BASE) {
          a.get("price").fail("a base asset's price is 1 by definition; remove this field");
        } else if (a.has("price")) {
          a.get("price").fail("a derived asset is priced at its issuer's NAV; remove this field");
        }
      }
      if (Checks.isId(baseName)) {
        Asset b = assets.get(AssetId.of(baseName));
        if (b == null) {
          root.get("baseCurrency")
              .fail("unknown asset '" + baseName + "' (declared: " + assets.keySet() + ")");
        } else if (b.kind() != AssetKind.BASE) {
          root.get("baseCurrency").fail("asset '" + baseName + "' must be of kind base");
        } else {
          base = b.id();
        }
      }
      for (Asset a : assets.values()) {
        if (a.kind() == AssetKind.BASE && !a.id().equals(base) && base != null) {
          root.get("assets")
              .fail("only the base currency may be of kind base, but " + a.id() + " is too");
        }
      }
    }

    private PriceProcessSpec priceProcess(SpecNode p) {
      if (p.isMissing() || !p.isObject()) {
        return null;
      }
      if (HistoricalPriceReader.isHistorical(p)) {
        return new HistoricalPriceReader(settings, dataRoot, dataFiles::add).read(p);
      }
      int mark = p.problems().count();
      p.allowOnly("initial", "drift", "volatility", "jumps", "replay", "bootstrap");
      double initial = p.positive("initial");
      if (initial < PriceProcessSpec.MIN_INITIAL || initial > PriceProcessSpec.MAX_INITIAL) {
        p.get("initial")
            .fail(
                "must be between "
                    + SpecNode.show(PriceProcessSpec.MIN_INITIAL)
                    + " and "
                    + SpecNode.show(PriceProcessSpec.MAX_INITIAL)
                    + " (prices are computed within 1,000 times of these), was "
                    + initial);
      }
      double drift = p.between("drift", 0, -PriceProcessSpec.MAX_DRIFT, PriceProcessSpec.MAX_DRIFT);
      double volatility =
          p.atMost("volatility", p.nonNegative("volatility", 0), PriceProcessSpec.MAX_VOLATILITY);
      Optional<JumpSpec> jumps = Optional.empty();
      SpecNode j = p.get("jumps");
      if (!j.isMissing() && j.requireObject()) {
        j.allowOnly("intensityPerYear", "meanLogJump", "sdLogJump");
        double intensity =
            j.atMost("intensityPerYear", j.nonNegative("intensityPerYear"), JumpSpec.MAX_INTENSITY);
        double mean = j.between("meanLogJump", -JumpSpec.MAX_LOG_JUMP, JumpSpec.MAX_LOG_JUMP);
        double sd = j.atMost("sdLogJump", j.nonNegative("sdLogJump"), JumpSpec.MAX_LOG_JUMP);
        if (!p.problems().since(mark)) {
          jumps = Optional.ofNullable(j.build(() -> new JumpSpec(intensity, mean, sd)));
        }
      }
      if (p.problems().since(mark)) {
        return null;
      }
      Optional<JumpSpec> jj = jumps;
      return p.build(() -> new PriceProcessSpec(initial, drift, volatility, jj));
    }

    private double[][] correlations() {
      List<AssetId> spot = spotAssets();
      double[][] m = new double[spot.size()][spot.size()];
      for (int i = 0; i < m.length; i++) {
        m[i][i] = 1;
      }
      SpecNode list = root.get("correlations");
      if (list.isMissing()) {
        return m;
      }
      int mark = list.problems().count();
      for (SpecNode c : list.elements()) {
        if (!c.requireObject()) {
          continue;
        }
        c.allowOnly("assets", "rho");
        List<SpecNode> pair = c.list("assets");
        double rho = c.number("rho");
        if (!Double.isNaN(rho) && !(rho >= -1 && rho <= 1)) {
          c.get("rho").fail("must be between -1 and 1, was " + rho);
        }
        if (pair.size() != 2) {
          c.get("assets").fail("must name exactly two spot assets");
          continue;
        }
        int i = spotIndex(pair.get(0), spot);
        int k = spotIndex(pair.get(1), spot);
        if (i >= 0 && k >= 0 && i == k) {
          c.get("assets").fail("must name two different assets");
        } else if (i >= 0
            && k >= 0
            && historical.contains(spot.get(i))
            && historical.contains(spot.get(k))) {
          c.get("assets")
              .fail(
                  "both assets are historical (replay or bootstrap): their co-movement comes from their"
                      + " data, so remove this correlation");
        } else if (i >= 0 && k >= 0 && !Double.isNaN(rho)) {
          m[i][k] = rho;
          m[k][i] = rho;
        }
      }
      if (!list.problems().since(mark) && m.length > 0) {
        try {
          new CholeskyDecomposition(MatrixUtils.createRealMatrix(m));
        } catch (NonPositiveDefiniteMatrixException e) {
          list.fail("the correlation matrix is not positive definite");
        }
      }
      return m;
    }

    private int spotIndex(SpecNode node, List<AssetId> spot) {
      String s = node.asString();
      int i = Checks.isId(s) ? spot.indexOf(AssetId.of(s)) : -1;
      if (i < 0 && !node.isMissing()) {
        node.fail("unknown spot asset '" + s + "' (spot assets: " + spot + ")");
      }
      return i;
    }

    /** {@code contagion: {channels: {<name>: true|false}}}: every channel is open unless closed. */
    private ChannelSwitches channels(SpecNode contagion) {
      if (contagion.isMissing() || !contagion.requireObject()) {
        return ChannelSwitches.ALL_OPEN;
      }
      contagion.allowOnly("channels");
      SpecNode channels = contagion.get("channels");
      if (channels.isMissing() || !channels.requireObject()) {
        return ChannelSwitches.ALL_OPEN;
      }
      channels.allowOnly(
          Arrays.stream(Channel.values()).map(Channel::scenarioName).toArray(String[]::new));
      ChannelSwitches out = ChannelSwitches.ALL_OPEN;
      for (Channel c : Channel.values()) {
        if (!channels.bool(c.scenarioName(), true)) {
          out = out.closing(c);
        }
      }
      return out;
    }

    private List<MarketSpec> markets() {
      Map<AssetId, MarketSpec> out = new LinkedHashMap<>();
      // Assets whose market entry has problems of its own: "has no market" would send the user
      // looking for a missing entry that is there.
      Set<AssetId> invalid = new LinkedHashSet<>();
      for (SpecNode m : root.optList("markets")) {
        if (!m.requireObject()) {
          continue;
        }
        int mark = m.problems().count();
        m.allowOnly("asset", "impact", "halfLifeSteps");
        AssetId asset = assetRef(m, "asset");
        // A derived asset may have a secondary market, trading around its issuer's NAV.
        if (asset != null && assets.get(asset).kind() == AssetKind.BASE) {
          m.get("asset").fail("the base currency has no market");
        }
        ImpactModel impact = impact(m.object("impact"));
        double halfLife =
            m.has("halfLifeSteps") ? m.positive("halfLifeSteps") : Double.POSITIVE_INFINITY;
        if (asset != null && out.containsKey(asset)) {
          m.get("asset").fail("a market for " + asset + " is already declared");
        }
        if (!m.problems().since(mark)) {
          MarketSpec spec = m.build(() -> new MarketSpec(asset, impact, halfLife));
          if (spec != null) {
            out.put(asset, spec);
          }
        } else if (asset != null) {
          invalid.add(asset);
        }
      }
      for (AssetId a : spotAssets()) {
        if (!out.containsKey(a) && !invalid.contains(a)) {
          root.get("markets")
              .fail("spot asset " + a + " has no market (give it impact: {model: none} for none)");
        }
      }
      return List.copyOf(out.values());
    }

    private ImpactModel impact(SpecNode node) {
      if (!node.isObject()) {
        return null;
      }
      String model = node.string("model");
      return switch (model) {
        case "linear-log" -> {
          node.allowOnly("model", "depth");
          double depth = node.atLeast("depth", node.positive("depth"), ImpactModel.MIN_DEPTH);
          yield Double.isNaN(depth) ? null : new ImpactModel.LinearLog(depth);
        }
        case "linear" -> {
          node.allowOnly("model", "depth");
          double depth = node.atLeast("depth", node.positive("depth"), ImpactModel.MIN_DEPTH);
          yield Double.isNaN(depth) ? null : new ImpactModel.Linear(depth);
        }
        case "none" -> {
          node.allowOnly("model");
          yield new ImpactModel.None();
        }
        default -> {
          if (!node.get("model").isMissing()) {
            node.get("model")
                .fail("unknown impact model '" + model + "' (known: linear-log, linear, none)");
          }
          yield null;
        }
      };
    }

    private List<OracleSpec> oracles() {
      List<OracleSpec> out = new ArrayList<>();
      for (SpecNode o : venuesOptional() ? root.optList("oracles") : root.list("oracles")) {
        if (!o.requireObject()) {
          continue;
        }
        int mark = o.problems().count();
        o.allowOnly(
            "id",
            "latencySteps",
            "heartbeatSteps",
            "deviation",
            "sources",
            "aggregation",
            "twapSteps",
            "minAnswer",
            "maxAnswer",
            "band",
            "failures");
        String id = o.id("id");
        int latency = o.integer("latencySteps", 0, 0, 100_000);
        int heartbeat = o.integer("heartbeatSteps", 1, 1, 100_000_000);
        double deviation = o.nonNegative("deviation", 0);
        List<OracleSource> sources = oracleSources(o, latency);
        Aggregation aggregation = aggregation(o);
        int twap = o.integer("twapSteps", 1, 1, 100_000);
        double minAnswer = o.nonNegative("minAnswer", 0);
        double maxAnswer = o.has("maxAnswer") ? o.positive("maxAnswer") : Double.POSITIVE_INFINITY;
        if (!o.problems().since(mark) && !(maxAnswer > minAnswer)) {
          o.get("maxAnswer").fail("must be above minAnswer (" + minAnswer + "), was " + maxAnswer);
        }
        double band = o.has("band") ? o.positive("band") : Double.POSITIVE_INFINITY;
        List<OracleFailure> failures = oracleFailures(o);
        if (Checks.isId(id) && !oracleIds.add(OracleId.of(id))) {
          o.get("id").fail("duplicate oracle id '" + id + "'");
        }
        if (!o.problems().since(mark)) {
          OracleSpec spec =
              o.build(
                  () ->
                      new OracleSpec(
                          OracleId.of(id),
                          new OracleDesign(
                              new OracleRule(latency, heartbeat, deviation),
                              sources,
                              aggregation,
                              twap,
                              minAnswer,
                              maxAnswer,
                              band,
                              failures)));
          if (spec != null) {
            out.add(spec);
          }
        }
      }
      return out;
    }

    /** The sources of oracle {@code o}; a source's latency defaults to the oracle's. */
    private List<OracleSource> oracleSources(SpecNode o, int defaultLatency) {
      List<OracleSource> out = new ArrayList<>();
      Set<String> names = new LinkedHashSet<>();
      List<SpecNode> entries = o.optList("sources");
      if (o.has("sources") && o.get("sources").isList() && entries.isEmpty()) {
        o.get("sources").fail("must not be empty (leave it out for one exact source)");
      }
      for (int i = 0; i < entries.size(); i++) {
        SpecNode s = entries.get(i);
        if (!s.requireObject()) {
          continue;
        }
        int mark = s.problems().count();
        s.allowOnly("name", "weight", "latencySteps", "bias", "noise");
        String name = s.has("name") ? s.id("name") : "source-" + i;
        double weight = s.positive("weight", 1.0);
        int latency = s.integer("latencySteps", defaultLatency, 0, 100_000);
        double bias = s.number("bias", 0.0);
        if (!Double.isNaN(bias) && !(bias > -1)) {
          s.get("bias").fail("must be above -1, was " + bias);
        }
        s.atMost("bias", bias, OracleSource.MAX_BIAS);
        double noise = s.atMost("noise", s.nonNegative("noise", 0.0), OracleSource.MAX_NOISE);
        if (Checks.isId(name) && !names.add(name)) {
          s.get("name").fail("duplicate source name '" + name + "'");
        }
        if (!s.problems().since(mark)) {
          OracleSource source = s.build(() -> new OracleSource(name, weight, latency, bias, noise));
          if (source != null) {
            out.add(source);
          }
        }
      }
      return out;
    }

    private Aggregation aggregation(SpecNode o) {
      String name = o.optString("aggregation").orElse("median");
      return switch (name) {
        case "median" -> new Aggregation.Median();
        case "mean" -> new Aggregation.WeightedMean();
        default -> {
          o.get("aggregation").fail("unknown aggregation '" + name + "' (known: mean, median)");
          yield null;
        }
      };
    }

    /** The scheduled failures of oracle {@code o}; each names a priced (non-base) asset. */
    private List<OracleFailure> oracleFailures(SpecNode o) {
      List<OracleFailure> out = new ArrayList<>();
      for (SpecNode f : o.optList("failures")) {
        if (!f.requireObject()) {
          continue;
        }
        int mark = f.problems().count();
        f.allowOnly("asset", "fromStep", "steps", "mode", "lagSteps", "value", "factor");
        AssetId asset = assetRef(f, "asset");
        if (asset != null && assets.get(asset).kind() == AssetKind.BASE) {
          f.get("asset").fail("the base currency has no feed (it always reads 1)");
        }
        long from = f.longValue("fromStep");
        if (!f.problems().since(mark) && from < 1) {
          f.get("fromStep").fail("must be >= 1 (ticks count from 1), was " + from);
        } else if (!f.problems().since(mark) && from > RunSettings.MAX_STEPS) {
          f.get("fromStep")
              .fail(
                  "must be at most "
                      + RunSettings.MAX_STEPS
                      + " (the most steps a run has), was "
                      + from);
        }
        int steps = f.integer("steps", 1, 1, 100_000_000);
        OracleFailure.Mode mode = failureMode(f);
        if (!f.problems().since(mark)) {
          OracleFailure failure = f.build(() -> new OracleFailure(asset, from, steps, mode));
          if (failure != null) {
            out.add(failure);
          }
        }
      }
      return out;
    }

    /** The mode of failure {@code f}, with the one parameter field its mode takes. */
    private OracleFailure.Mode failureMode(SpecNode f) {
      String mode = f.string("mode");
      List<String> extras = List.of("lagSteps", "value", "factor");
      List<String> allowed =
          switch (mode) {
            case "lagging" -> List.of("lagSteps");
            case "wrong" -> List.of("value", "factor");
            default -> List.of();
          };
      for (String extra : extras) {
        if (f.has(extra) && !allowed.contains(extra) && !f.get("mode").isMissing()) {
          f.get(extra)
              .fail(
                  "only a "
                      + (extra.equals("lagSteps") ? "lagging" : "wrong")
                      + " failure takes this field");
        }
      }
      return switch (mode) {
        case "frozen" -> new OracleFailure.Frozen();
        case "lagging" -> {
          int mark = f.problems().count();
          int lag = f.integer("lagSteps", 1, 100_000);
          yield f.problems().since(mark) ? null : new OracleFailure.Lagging(lag);
        }
        case "wrong" -> {
          if (f.has("value") == f.has("factor")) {
            f.fail(
                "a wrong failure takes exactly one of value (a price) or factor (a multiple of the true price)");
            yield null;
          }
          int mark = f.problems().count();
          if (f.has("value")) {
            double value = f.atMost("value", f.positive("value"), PriceProcessSpec.MAX_PRICE);
            yield f.problems().since(mark) ? null : new OracleFailure.WrongValue(value);
          }
          double factor = f.atMost("factor", f.positive("factor"), OracleFailure.MAX_FACTOR);
          yield f.problems().since(mark) ? null : new OracleFailure.WrongFactor(factor);
        }
        default -> {
          if (!f.get("mode").isMissing()) {
            f.get("mode")
                .fail("unknown failure mode '" + mode + "' (known: frozen, lagging, wrong)");
          }
          yield null;
        }
      };
    }

    private List<PriceShock> shocks(RunSettings settings) {
      List<PriceShock> out = new ArrayList<>();
      for (SpecNode s : root.optList("shocks")) {
        if (!s.requireObject()) {
          continue;
        }
        int mark = s.problems().count();
        s.allowOnly("asset", "startStep", "steps", "change");
        AssetId asset = assetRef(s, "asset");
        if (asset != null && assets.get(asset).kind() != AssetKind.SPOT) {
          s.get("asset").fail("only spot assets have a fundamental price to shock");
        }
        long start = s.longValue("startStep");
        int steps = s.integer("steps", 1, 1, 10_000_000);
        double change = s.number("change");
        if (!Double.isNaN(change) && !(change > -1)) {
          s.get("change").fail("must be above -1 (a price cannot reach zero), was " + change);
        } else if (!Double.isNaN(change) && change > PriceShock.MAX_CHANGE) {
          s.get("change")
              .fail(
                  "must be at most "
                      + (int) PriceShock.MAX_CHANGE
                      + " (a "
                      + (int) PriceShock.MAX_CHANGE
                      + "-fold rise), was "
                      + change);
        }
        if (start < 1 && !s.problems().since(mark)) {
          s.get("startStep").fail("must be >= 1 (ticks count from 1), was " + start);
        } else if (settings != null && start > settings.steps()) {
          s.get("startStep").fail("is after the last step (" + settings.steps() + ")");
        }
        if (!s.problems().since(mark)) {
          PriceShock shock = s.build(() -> new PriceShock(asset, start, steps, change));
          if (shock != null) {
            out.add(shock);
          }
        }
      }
      return out;
    }

    /**
     * Whether the scenario may go without venues and oracles: when it has agents, which may be
     * institutions that trade only in the shared markets.
     */
    private boolean venuesOptional() {
      return !root.optList("agents").isEmpty();
    }

    private void readVenues() {
      for (SpecNode entry : venuesOptional() ? root.optList("venues") : root.list("venues")) {
        if (!entry.requireObject()) {
          continue;
        }
        SpecNode v = withPreset(entry);
        if (v == null) {
          declaredInvalid(entry);
          continue;
        }
        VenueType type = catalog.venueTypes().lookup(v, "type");
        VenueSpec spec = type == null ? null : guarded(() -> type.read(v, this));
        if (spec == null) {
          declaredInvalid(v);
        } else {
          if (RESERVED.contains(spec.id().value())) {
            v.get("id").fail("'" + spec.id() + "' is reserved for the ledger's own accounts");
          } else if (venues.containsKey(spec.id())) {
            v.get("id").fail("duplicate venue id '" + spec.id() + "'");
          } else {
            venues.put(spec.id(), spec);
          }
        }
      }
    }

    /**
     * Reads one venue or agent entry; a reader that fails on a value an earlier problem left
     * undefined (the base currency, an asset) adds nothing to that problem and yields null.
     */
    private <T> T guarded(java.util.function.Supplier<T> read) {
      try {
        return read.get();
      } catch (RuntimeException e) {
        afterReportedProblem(root.problems(), e);
        return null;
      }
    }

    /**
     * Lays the entry over its {@code preset}, if it names one: the preset's fields are defaults the
     * entry's own fields override (whole values; nested mappings are not merged).
     *
     * @return the entry to read, or null when it names an unknown preset (reported here)
     */
    private SpecNode withPreset(SpecNode entry) {
      if (!entry.has("preset")) {
        return entry;
      }
      String name = entry.get("preset").asString();
      Optional<Presets.Preset> preset = catalog.presets().find(name);
      if (preset.isEmpty()) {
        List<String> known = catalog.presets().all().stream().map(Presets.Preset::name).toList();
        entry
            .get("preset")
            .fail("unknown preset '" + name + "' (known: " + SpecContext.declared(known) + ")");
        return null;
      }
      return entry.over(preset.get().venue(), "preset");
    }

    /** Every derived asset must be issued by exactly one venue. */
    private void checkIssuers() {
      Map<AssetId, VenueId> issuer = new LinkedHashMap<>();
      for (VenueSpec v : venues.values()) {
        for (AssetId a : v.issuedAssets()) {
          VenueId other = issuer.putIfAbsent(a, v.id());
          if (other != null) {
            assetNodes
                .get(a)
                .fail("derived asset " + a + " is issued by both " + other + " and " + v.id());
          }
        }
      }
      for (Asset a : assets.values()) {
        if (a.kind() == AssetKind.DERIVED
            && !issuer.containsKey(a.id())
            && invalidVenues.isEmpty()) {
          assetNodes
              .get(a.id())
              .fail("derived asset " + a.id() + " is issued by no venue (a venue must name it)");
        }
      }
    }

    /**
     * Remembers a venue whose entry failed but whose id is readable, so that populations naming it
     * are not told it is unknown: its own problems are already reported, and "unknown venue" would
     * send the user looking for a typo that is not there.
     */
    private void declaredInvalid(SpecNode v) {
      SpecNode idNode = v.get("id");
      if (idNode.isMissing() || idNode.isObject() || idNode.isList()) {
        return;
      }
      String id = idNode.asString();
      if (Checks.isId(id) && !RESERVED.contains(id) && !venues.containsKey(VenueId.of(id))) {
        invalidVenues.putIfAbsent(
            VenueId.of(id), new InvalidVenue(VenueId.of(id), assets.keySet()));
      }
    }

    private List<PopulationSpec> populations() {
      List<PopulationSpec> out = new ArrayList<>();
      Set<String> ids = new LinkedHashSet<>();
      for (SpecNode a : root.optList("agents")) {
        if (!a.requireObject()) {
          continue;
        }
        PopulationType type = catalog.populationTypes().lookup(a, "type");
        if (type == null) {
          continue;
        }
        PopulationSpec spec = guarded(() -> type.read(a, this));
        if (spec == null) {
          continue;
        }
        if (RESERVED.contains(spec.id())) {
          a.get("id").fail("'" + spec.id() + "' is reserved for the ledger's own accounts");
        } else if (!ids.add(spec.id()) || venueIds().contains(VenueId.of(spec.id()))) {
          a.get("id")
              .fail("id '" + spec.id() + "' is already used by another population or a venue");
        } else {
          out.add(spec);
        }
      }
      return out;
    }

    private List<AssetId> spotAssets() {
      List<AssetId> out = new ArrayList<>();
      assets.values().stream()
          .filter(a -> a.kind() == AssetKind.SPOT)
          .forEach(a -> out.add(a.id()));
      return out;
    }

    @Override
    public AssetId baseCurrency() {
      return base;
    }

    @Override
    public double stepSeconds() {
      return settings == null ? Double.NaN : settings.stepSeconds();
    }

    @Override
    public Optional<Asset> asset(AssetId id) {
      return Optional.ofNullable(assets.get(id));
    }

    @Override
    public Set<AssetId> assetIds() {
      return assets.keySet();
    }

    @Override
    public Set<OracleId> oracleIds() {
      return oracleIds;
    }

    @Override
    public Optional<VenueSpec> venue(VenueId id) {
      VenueSpec v = venues.get(id);
      return Optional.ofNullable(v == null ? invalidVenues.get(id) : v);
    }

    @Override
    public Set<VenueId> venueIds() {
      Set<VenueId> ids = new LinkedHashSet<>(venues.keySet());
      ids.addAll(invalidVenues.keySet());
      return ids;
    }
  }

  /**
   * Stands in, during reading only, for a declared venue whose entry has problems: it lists every
   * asset and accepts every collateral, so references to it add no problem of their own. A file
   * with an invalid venue always has a problem, so this never reaches a {@link ModelSpec}.
   */
  private record InvalidVenue(VenueId id, Set<AssetId> assets) implements VenueSpec {

    InvalidVenue {
      assets = Set.copyOf(assets);
    }

    @Override
    public String type() {
      return "invalid";
    }

    @Override
    public Set<AssetId> tradableAssets() {
      return assets;
    }

    @Override
    public boolean listsPerpetuals() {
      return true;
    }

    @Override
    public Set<AssetId> collateralAssets() {
      return assets;
    }

    @Override
    public Venue resolve(VenueServices services) {
      throw new IllegalStateException("venue " + id + " is invalid and cannot be built");
    }
  }
}
