package org.marginfall.experiments.internal.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.marginfall.experiments.Fixtures.minimalYaml;
import static org.marginfall.experiments.Fixtures.replaceOnce;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.engine.OracleSpec;
import org.marginfall.core.oracle.Aggregation;
import org.marginfall.core.oracle.OracleDesign;
import org.marginfall.core.oracle.OracleFailure;
import org.marginfall.core.oracle.OracleRule;
import org.marginfall.core.oracle.OracleSource;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;

/** Reading the oracle designs of a scenario: values, defaults and every problem at its path. */
class OracleReaderTest {

  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId BTC = AssetId.of("BTC");
  private static final String ORACLES = "oracles:\n  - id: feed\n";

  private final ScenarioReader reader = new ScenarioReader(Catalog.standard());

  private static String withOracle(String body) {
    return replaceOnce(minimalYaml(), ORACLES, "oracles:\n  - id: feed\n" + body);
  }

  private OracleSpec read(String yaml) {
    return reader.read(yaml.getBytes(StandardCharsets.UTF_8), false).model().oracles().get(0);
  }

  private Map<String, String> problems(String yaml) {
    InvalidSpecException e =
        assertThrows(
            InvalidSpecException.class,
            () -> reader.read(yaml.getBytes(StandardCharsets.UTF_8), false));
    Map<String, String> out = new LinkedHashMap<>();
    for (Problem p : e.problems()) {
      out.merge(p.path(), p.message(), (a, b) -> a + " | " + b);
    }
    return out;
  }

  @Test
  void test_oracles_oldFormMeansTheChainlinkRuleAlone() {
    OracleSpec feed =
        read(withOracle("    latencySteps: 2\n    heartbeatSteps: 60\n    deviation: 0.005\n"));
    assertEquals(OracleDesign.of(new OracleRule(2, 60, 0.005)), feed.design());
    assertEquals(List.of(OracleSource.exact("market", 2)), feed.design().sources());
  }

  @Test
  void test_oracles_readsEveryDesignField() {
    String body =
        """
            latencySteps: 1
            heartbeatSteps: 60
            deviation: 0.005
            aggregation: mean
            sources:
              - {name: binance, weight: 3, latencySteps: 0, bias: 0.001, noise: 0.002}
              - {name: okx, weight: 2}
              - {}
            twapSteps: 5
            minAnswer: 20
            maxAnswer: 5000
            band: 0.2
            failures:
              - {asset: ETH, fromStep: 40, steps: 20, mode: frozen}
              - {asset: ETH, fromStep: 70, mode: lagging, lagSteps: 5}
              - {asset: BTC, fromStep: 3, steps: 2, mode: wrong, value: 123.0}
              - {asset: BTC, fromStep: 8, steps: 2, mode: wrong, factor: 1.3}
        """;
    OracleSpec feed = read(withOracle(body));
    OracleDesign expected =
        new OracleDesign(
            new OracleRule(1, 60, 0.005),
            List.of(
                new OracleSource("binance", 3, 0, 0.001, 0.002),
                // a source's latency defaults to the oracle's (1), its weight to 1
                new OracleSource("okx", 2, 1, 0, 0),
                new OracleSource("source-2", 1, 1, 0, 0)),
            new Aggregation.WeightedMean(),
            5,
            20,
            5000,
            0.2,
            List.of(
                new OracleFailure(ETH, 40, 20, new OracleFailure.Frozen()),
                new OracleFailure(ETH, 70, 1, new OracleFailure.Lagging(5)),
                new OracleFailure(BTC, 3, 2, new OracleFailure.WrongValue(123.0)),
                new OracleFailure(BTC, 8, 2, new OracleFailure.WrongFactor(1.3))));
    assertEquals(expected, feed.design());
  }

  @Test
  void test_oracles_defaultsAreMedianNoTwapNoBoundsNoBand() {
    OracleDesign d = read(withOracle("    sources: [{name: a}, {name: b}]\n")).design();
    assertEquals(new Aggregation.Median(), d.aggregation());
    assertEquals(1, d.twapSteps());
    assertEquals(0.0, d.minAnswer());
    assertEquals(Double.POSITIVE_INFINITY, d.maxAnswer());
    assertEquals(Double.POSITIVE_INFINITY, d.band());
    assertEquals(List.of(), d.failures());
  }

  @Test
  void test_oracles_reportsEachProblemAtItsPath() {
    String body =
        """
            aggregation: mode
            twapSteps: 0
            minAnswer: -1
            band: -0.1
            sources:
              - {name: a, weight: 0, bias: -1, noise: -0.5, colour: red}
              - {name: b, latencySteps: -2}
              - {name: b}
            failures:
              - {asset: ETH, fromStep: 5, mode: melted}
              - {asset: SOL, fromStep: 5, mode: frozen}
              - {asset: ETH, fromStep: 5, mode: lagging}
              - {asset: ETH, fromStep: 5, mode: wrong}
              - {asset: ETH, fromStep: 5, mode: frozen, value: 3}
              - {asset: USD, fromStep: 5, mode: frozen}
              - {asset: ETH, fromStep: 0, steps: 0, mode: frozen}
              - {asset: ETH, fromStep: 5, mode: wrong, value: 1, factor: 2}
              - {asset: ETH, fromStep: 5, mode: wrong, factor: 0}
              - {asset: ETH, fromStep: 5, mode: lagging, lagSteps: 0}
        """;
    Map<String, String> p = problems(withOracle(body));
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("oracles[0].aggregation", "unknown aggregation 'mode' (known: mean, median)");
    expected.put("oracles[0].twapSteps", "must be between 1 and 100000, was 0");
    expected.put("oracles[0].minAnswer", "must be >= 0, was -1.0");
    expected.put("oracles[0].band", "must be > 0, was -0.1");
    expected.put(
        "oracles[0].sources[0].colour",
        "unknown field (known: bias, latencySteps, name, noise, weight)");
    expected.put("oracles[0].sources[0].weight", "must be > 0, was 0.0");
    expected.put("oracles[0].sources[0].bias", "must be above -1, was -1.0");
    expected.put("oracles[0].sources[0].noise", "must be >= 0, was -0.5");
    expected.put("oracles[0].sources[1].latencySteps", "must be between 0 and 100000, was -2");
    expected.put("oracles[0].sources[2].name", "duplicate source name 'b'");
    expected.put(
        "oracles[0].failures[0].mode",
        "unknown failure mode 'melted' (known: frozen, lagging, wrong)");
    expected.put("oracles[0].failures[1].asset", "unknown asset 'SOL' (declared: USD, ETH, BTC)");
    expected.put("oracles[0].failures[2].lagSteps", "is required");
    expected.put(
        "oracles[0].failures[3]",
        "a wrong failure takes exactly one of value (a price) or factor (a multiple of the true price)");
    expected.put("oracles[0].failures[4].value", "only a wrong failure takes this field");
    expected.put(
        "oracles[0].failures[5].asset", "the base currency has no feed (it always reads 1)");
    expected.put("oracles[0].failures[6].fromStep", "must be >= 1 (ticks count from 1), was 0");
    expected.put("oracles[0].failures[6].steps", "must be between 1 and 100000000, was 0");
    expected.put(
        "oracles[0].failures[7]",
        "a wrong failure takes exactly one of value (a price) or factor (a multiple of the true price)");
    expected.put("oracles[0].failures[8].factor", "must be > 0, was 0.0");
    expected.put("oracles[0].failures[9].lagSteps", "must be between 1 and 100000, was 0");
    assertEquals(new TreeMap<>(expected), new TreeMap<>(p));
  }

  @Test
  void test_oracles_maxAnswerMustBeAboveMinAnswer() {
    Map<String, String> p = problems(withOracle("    minAnswer: 20\n    maxAnswer: 10\n"));
    assertEquals(Map.of("oracles[0].maxAnswer", "must be above minAnswer (20.0), was 10.0"), p);
  }

  @Test
  void test_oracles_emptySourcesListIsAProblem() {
    Map<String, String> p = problems(withOracle("    sources: []\n"));
    assertEquals(
        Map.of("oracles[0].sources", "must not be empty (leave it out for one exact source)"), p);
  }
}
