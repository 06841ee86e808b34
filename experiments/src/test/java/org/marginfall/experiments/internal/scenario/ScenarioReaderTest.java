package org.marginfall.experiments.internal.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.experiments.Fixtures.minimalYaml;
import static org.marginfall.experiments.Fixtures.replaceOnce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginfall.agents.liquidator.LiquidatorsSpec;
import org.marginfall.agents.trader.LeveragedTradersSpec;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.engine.ModelSpec;
import org.marginfall.core.engine.OracleSpec;
import org.marginfall.core.market.ImpactModel;
import org.marginfall.core.oracle.OracleRule;
import org.marginfall.core.price.PriceShock;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.spec.AggregationType;
import org.marginfall.core.spec.CoreTypes;
import org.marginfall.core.spec.FailureModeType;
import org.marginfall.core.spec.ImpactModelType;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;
import org.marginfall.experiments.Fixtures;
import org.marginfall.protocols.perp.MarginMode;
import org.marginfall.protocols.perp.PerpMarket;
import org.marginfall.protocols.perp.PerpetualVenueSpec;

/** Reading scenario files: the documented defaults, and how problems are collected and ordered. */
class ScenarioReaderTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId BTC = AssetId.of("BTC");

  private final ScenarioReader reader = new ScenarioReader(Catalog.standard());

  @Test
  void test_read_appliesTheDocumentedDefaults() {
    // minimal.yaml leaves out every optional field below; docs/scenarios.md gives the defaults.
    ModelSpec m = readYaml(minimalYaml()).model();

    assertEquals(5, m.settings().maxLiquidationRounds());
    PerpetualVenueSpec perp = (PerpetualVenueSpec) m.venues().get(0);
    assertEquals(MarginMode.CROSS, perp.marginMode());
    assertEquals(0.01, perp.liquidationFee());
    assertEquals(0.5, perp.liquidatorShare());
    assertEquals(0.0, perp.insuranceFund());
    assertEquals(1.0e9, perp.houseCapital());
    assertEquals(List.of(), perp.collateral());
    OracleSpec feed = m.oracles().get(0);
    assertEquals(new OracleRule(0, 1, 0.0), feed.rule());
    assertEquals(0, feed.rule().latencySteps());
    assertEquals(1, feed.rule().heartbeatSteps());
    assertEquals(0.0, feed.rule().deviationThreshold());
    // Assets are spot unless said otherwise; drift defaults to 0 and there are no jumps.
    assertEquals(AssetKind.SPOT, m.assets().get(1).kind());
    assertEquals(0.0, m.prices().get(ETH).drift());
    assertEquals(Optional.empty(), m.prices().get(ETH).jumps());
    // Price impact is permanent unless a half-life is given; a shock lasts one step.
    assertEquals(Double.POSITIVE_INFINITY, m.markets().get(0).halfLifeSteps());
    assertEquals(1, m.shocks().get(0).steps());
    LeveragedTradersSpec traders = (LeveragedTradersSpec) m.populations().get(0);
    assertEquals(1.0, traders.longShare());
    assertEquals(USD, traders.collateralAsset());
    LiquidatorsSpec keeper = (LiquidatorsSpec) m.populations().get(1);
    assertEquals(List.of(), keeper.venues(), "no venues listed means every venue");
    assertEquals(Integer.MAX_VALUE, keeper.maxPerRound());
  }

  @Test
  void test_read_nameAndDescriptionAreOptional() {
    String yaml = replaceOnce(minimalYaml(), "name: minimal\n", "");
    yaml =
        replaceOnce(
            yaml,
            "description: Two perpetual venues, one trader population and one liquidator.\n",
            "");

    Scenario s = readYaml(yaml);

    assertEquals("scenario", s.name());
    assertEquals("", s.description());
  }

  @Test
  void test_read_keepsTheGivenValues() {
    Scenario s = readYaml(minimalYaml());
    ModelSpec m = s.model();

    assertEquals("minimal", s.name());
    assertEquals(10, m.settings().steps());
    assertEquals(60.0, m.settings().stepSeconds());
    assertEquals(7, m.settings().seed());
    assertEquals(USD, m.baseCurrency());
    assertEquals(List.of(ETH, BTC), m.spotAssets());
    assertEquals(2000.0, m.prices().get(ETH).initialPrice());
    assertEquals(0.5, m.prices().get(ETH).volatility());
    assertArrayEquals(new double[] {1, 0.5}, m.correlation()[0]);
    assertArrayEquals(new double[] {0.5, 1}, m.correlation()[1]);
    assertEquals(new ImpactModel.LinearLog(1.0e8), m.markets().get(0).impact());
    assertEquals(new ImpactModel.None(), m.markets().get(1).impact());
    assertEquals(new PriceShock(ETH, 3, 1, -0.2), m.shocks().get(0));
    PerpetualVenueSpec perp = (PerpetualVenueSpec) m.venues().get(0);
    // Markets given by id inherit the venue's margins.
    assertEquals(
        List.of(new PerpMarket(ETH, 0.1, 0.05), new PerpMarket(BTC, 0.1, 0.05)), perp.markets());
    PerpetualVenueSpec iso = (PerpetualVenueSpec) m.venues().get(1);
    assertEquals(MarginMode.ISOLATED, iso.marginMode());
    assertEquals(1000.0, iso.insuranceFund());
    LeveragedTradersSpec traders = (LeveragedTradersSpec) m.populations().get(0);
    assertEquals(4, traders.count());
    assertEquals(new Distribution.Constant(1000), traders.collateral());
    assertEquals(new Distribution.Constant(5), traders.leverage());
  }

  @Test
  void test_read_reportsEveryProblemAtOnceInFileOrder() {
    // Five mistakes. The reader meets them in another order (top-level fields first, then run,
    // then assets; within a venue unknown fields before values), but reports them as they
    // appear in the file: assets, venues[0].oracle, venues[0].liquidationFees, the run section
    // (moved to the end of the file), and the unknown top-level field after it.
    String runSection = "run:\n  steps: 10\n  stepSeconds: 60\n  seed: 7\n";
    String yaml = replaceOnce(minimalYaml(), runSection, "");
    yaml = replaceOnce(yaml, "price: {initial: 2000,", "price: {initial: -1,");
    yaml =
        replaceOnce(
            yaml,
            "    oracle: feed\n    initialMargin: 0.1\n    maintenanceMargin: 0.05\n    markets: [ETH, BTC]\n",
            "    oracle: fast-feed\n    initialMargin: 0.1\n    maintenanceMargin: 0.05\n    markets: [ETH, BTC]\n"
                + "    liquidationFees: 0.02\n");
    yaml = yaml + runSection.replace("steps: 10", "steps: 0") + "sweeps: []\n";

    List<Problem> problems = problems(yaml);

    assertEquals(
        List.of(
            "assets[1].price.initial",
            "venues[0].oracle",
            "venues[0].liquidationFees",
            "run.steps",
            "sweeps"),
        problems.stream().map(Problem::path).toList(),
        problems.toString());
    assertTrue(problems.get(0).message().contains("must be > 0"));
    assertTrue(problems.get(1).message().contains("unknown oracle 'fast-feed' (declared: feed)"));
    assertTrue(problems.get(2).message().contains("unknown field"));
    assertTrue(problems.get(3).message().contains("must be >= 1"));
    assertTrue(problems.get(4).message().contains("unknown field"));
  }

  @Test
  void test_read_missingFieldIsReportedWhereItsParentIs() {
    // run.steps is not in the file: it sorts with "run", before the problem inside "assets".
    String yaml = replaceOnce(minimalYaml(), "  steps: 10\n", "");
    yaml = replaceOnce(yaml, "price: {initial: 2000,", "price: {initial: -1,");

    List<Problem> problems = problems(yaml);

    assertEquals(
        List.of("run.steps", "assets[1].price.initial"),
        problems.stream().map(Problem::path).toList());
  }

  @Test
  void test_read_invalidVenueIsNotCalledUnknownByItsAgents() {
    // agents[0] trades on "perp", whose oracle is wrong: the venue is declared, so the only
    // problem is the oracle.
    String yaml =
        replaceOnce(
            minimalYaml(),
            "    oracle: feed\n    initialMargin: 0.1\n    maintenanceMargin: 0.05\n    markets: [ETH, BTC]\n",
            "    oracle: nofeed\n    initialMargin: 0.1\n    maintenanceMargin: 0.05\n    markets: [ETH, BTC]\n");

    List<Problem> problems = problems(yaml);

    assertEquals(
        List.of("venues[0].oracle"),
        problems.stream().map(Problem::path).toList(),
        problems.toString());
  }

  @Test
  void test_read_undeclaredVenueIsUnknown() {
    String yaml = replaceOnce(minimalYaml(), "    venue: perp\n", "    venue: perp-x\n");

    List<Problem> problems = problems(yaml);

    assertEquals(
        List.of("agents[0].venue"),
        problems.stream().map(Problem::path).toList(),
        problems.toString());
    assertTrue(
        problems.get(0).message().contains("unknown venue 'perp-x' (declared: perp, perp-iso)"));
  }

  @Test
  void test_read_correlationsMustBePositiveDefinite() {
    // Three assets, pairwise rho (ETH,BTC) = 0.9, (BTC,SOL) = 0.9, (ETH,SOL) = -0.9: each is a
    // valid correlation, but det [[1,.9,-.9],[.9,1,.9],[-.9,.9,1]]
    //   = 1(1 - .81) - .9(.9 + .81) - .9(.81 + .9) = .19 - 1.539 - 1.539 = -2.888 < 0.
    List<Problem> problems = problems(withSol(0.9, 0.9, -0.9));

    assertEquals(
        List.of("correlations"),
        problems.stream().map(Problem::path).toList(),
        problems.toString());
    assertTrue(problems.get(0).message().contains("not positive definite"));
  }

  @Test
  void test_read_positiveDefiniteCorrelationsAreKept() {
    // All pairs 0.5: leading minors 1, 1 - .25 = .75 and det = 1 - 3(.25) + 2(.125) = .5, all > 0.
    ModelSpec m = readYaml(withSol(0.5, 0.5, 0.5)).model();

    double[][] rho = m.correlation();
    assertArrayEquals(new double[] {1, 0.5, 0.5}, rho[0]);
    assertArrayEquals(new double[] {0.5, 1, 0.5}, rho[1]);
    assertArrayEquals(new double[] {0.5, 0.5, 1}, rho[2]);
  }

  @Test
  void test_read_duplicateKeyNamesTheField() {
    // YAML would silently keep the last of two equal keys; a scenario must not.
    String yaml = replaceOnce(minimalYaml(), "  seed: 7\n", "  seed: 7\n  seed: 8\n");
    int first = yaml.lines().toList().indexOf("  seed: 7") + 1;

    List<Problem> problems = problems(yaml);

    assertEquals(1, problems.size(), problems.toString());
    assertEquals("run.seed", problems.get(0).path());
    assertEquals(
        "is given more than once (at lines " + first + " and " + (first + 1) + "); give it once",
        problems.get(0).message());
  }

  @Test
  void test_read_missingFileIsAProblemNotAnException() {
    Path missing = Path.of("no-such-dir", "no-such-scenario.yaml");

    InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> reader.read(missing));

    assertEquals(1, e.problems().size());
    assertTrue(e.problems().get(0).message().contains("not found"));
  }

  @Test
  void test_read_exampleScenario() throws IOException {
    Path example = Fixtures.example();

    Scenario s = reader.read(example);

    assertEquals("flash-crash", s.name());
    assertTrue(s.description().startsWith("A 30% ETH crash over ten minutes"), s.description());
    assertEquals(Fixtures.sha256(example), s.sha256());
    assertEquals(120, s.model().settings().steps());
    assertEquals(20200312, s.model().settings().seed());
    assertEquals(2, s.model().venues().size());
    assertEquals(4, s.model().populations().size());
  }

  @Test
  void test_bundled_exampleIsTheRepositoryFile() throws IOException {
    // `marginfall run flash-crash` must run the same bytes as examples/flash-crash.yaml.
    byte[] bundled = ScenarioSource.bundled("flash-crash").orElseThrow();

    assertArrayEquals(Files.readAllBytes(Fixtures.example()), bundled);
    // Every examples/*.yaml scenario is bundled under its file name (sweep files, sweep-*.yaml, are
    // not scenarios and are not bundled), and nothing else is.
    List<String> examples;
    try (var files = Files.list(Fixtures.example().getParent())) {
      examples =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".yaml") && !n.startsWith("sweep-"))
              .map(n -> n.substring(0, n.length() - 5))
              .sorted()
              .toList();
    }
    assertEquals(examples, ScenarioSource.bundledNames());
  }

  /** The minimal scenario with a third spot asset SOL and the three pairwise correlations. */
  private static String withSol(double ethBtc, double btcSol, double ethSol) {
    String yaml =
        replaceOnce(
            minimalYaml(),
            "correlations:\n  - {assets: [ETH, BTC], rho: 0.5}\n",
            "correlations:\n"
                + "  - {assets: [ETH, BTC], rho: "
                + ethBtc
                + "}\n"
                + "  - {assets: [BTC, SOL], rho: "
                + btcSol
                + "}\n"
                + "  - {assets: [ETH, SOL], rho: "
                + ethSol
                + "}\n");
    yaml =
        replaceOnce(
            yaml,
            "    price: {initial: 50000, volatility: 0.4}\n",
            "    price: {initial: 50000, volatility: 0.4}\n  - id: SOL\n    price: {initial: 150, volatility: 0.8}\n");
    return replaceOnce(
        yaml,
        "    impact: {model: none}\n",
        "    impact: {model: none}\n  - asset: SOL\n    impact: {model: none}\n");
  }

  @Test
  void test_read_impactModelsAreTheCatalogsRegisteredKinds() {
    // minimal.yaml gives ETH linear-log impact at depth 1e8 and BTC none. A catalog registering
    // the linear-log reader under another name and no "none" reads ETH's market by that name and
    // refuses BTC's, listing what it registers: the reader has no list of its own.
    Catalog standard = Catalog.standard();
    CoreTypes types =
        CoreTypes.of(
            List.of(new ImpactModelType.Deep("log-linear", ImpactModel.LinearLog::new)),
            List.of(AggregationType.standard()),
            List.of(FailureModeType.standard()));
    ScenarioReader narrow =
        new ScenarioReader(
            new Catalog(
                standard.venueTypes(), standard.populationTypes(), standard.presets(), types));
    String renamed = replaceOnce(minimalYaml(), "model: linear-log", "model: log-linear");
    InvalidSpecException e =
        assertThrows(
            InvalidSpecException.class,
            () -> narrow.read(renamed.getBytes(StandardCharsets.UTF_8), false));
    assertEquals(
        List.of(
            new Problem(
                "markets[1].impact.model", "unknown impact model 'none' (known: log-linear)")),
        e.problems());
    String noneless =
        replaceOnce(renamed, "impact: {model: none}", "impact: {model: log-linear, depth: 1.0e9}");
    ModelSpec m = narrow.read(noneless.getBytes(StandardCharsets.UTF_8), false).model();
    assertEquals(new ImpactModel.LinearLog(1.0e8), m.markets().get(0).impact());
    assertEquals(new ImpactModel.LinearLog(1.0e9), m.markets().get(1).impact());
  }

  private Scenario readYaml(String yaml) {
    return reader.read(yaml.getBytes(StandardCharsets.UTF_8), false);
  }

  private List<Problem> problems(String yaml) {
    InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> readYaml(yaml));
    return e.problems();
  }

  @Test
  void test_read_derivedAssetNeedsAnIssuerAndNoPrice() {
    String yaml =
        replaceOnce(
            minimalYaml(),
            "  - id: BTC\n    price: {initial: 50000, volatility: 0.4}\n",
            "  - id: BTC\n    price: {initial: 50000, volatility: 0.4}\n"
                + "  - id: aUSD\n    kind: derived\n    price: {initial: 1}\n");
    InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> readYaml(yaml));
    assertEquals(
        List.of(
            new Problem(
                "assets[3]", "derived asset aUSD is issued by no venue (a venue must name it)"),
            new Problem(
                "assets[3].price",
                "a derived asset is priced at its issuer's NAV; remove this field")),
        e.problems());
  }

  @Test
  void test_read_venueStepSecondsDefaultsToTheRunsAndMustMatchIt() throws IOException {
    String cdp = Files.readString(Fixtures.example().resolveSibling("cdp-auction.yaml"));
    // The example gives no venue stepSeconds: the venue runs on the run's clock.
    readYaml(cdp);
    String other = replaceOnce(cdp, "    ilks: [ETH]\n", "    stepSeconds: 30\n    ilks: [ETH]\n");
    InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> readYaml(other));
    assertEquals(
        List.of(
            new Problem(
                "venues[0].stepSeconds", "must equal run.stepSeconds (60.0) when given, was 30.0")),
        e.problems());
  }
}
