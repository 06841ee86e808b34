package org.marginfall.experiments.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;
import org.marginfall.experiments.Fixtures;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.ScenarioReader;
import org.marginfall.experiments.internal.scenario.ScenarioSource;
import org.marginfall.experiments.internal.sweep.SweepReader;

/** Bad institutions scenarios and population metric paths: one problem per field, with its path. */
class InstitutionsInputTest {

  private static final String BASE =
      new String(ScenarioSource.bundled("gai-kapadia").orElseThrow(), StandardCharsets.UTF_8);

  private static List<String> problems(String yaml) {
    InvalidSpecException e =
        assertThrows(
            InvalidSpecException.class,
            () ->
                new ScenarioReader(Catalog.standard())
                    .read(yaml.getBytes(StandardCharsets.UTF_8), false));
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void test_badBalanceSheetAndNetwork_reportedAtTheirFields() {
    String yaml =
        BASE.replace("capital: 4 ", "capital: 4\n    leverage: 20 ")
            .replace(
                "{type: erdos-renyi, averageDegree: 3}", "{type: scale-free, averageDegree: 3}")
            .replace("recovery: 0 ", "recovery: 1.5 ");
    assertEquals(
        List.of(
            "agents[0]: give exactly one of capital (equity of each institution) and leverage (assets / equity)",
            "agents[0].recovery: must be between 0 and 1, was 1.5",
            "agents[0].network.type: unknown network 'scale-free' (known: erdos-renyi)"),
        problems(yaml).stream().sorted((a, b) -> order(a) - order(b)).toList());
  }

  private static int order(String problem) {
    return problem.startsWith("agents[0]:") ? 0 : problem.contains("recovery") ? 1 : 2;
  }

  @Test
  void test_badPortfolio_reportedAtItsFields() {
    String yaml =
        BASE.replace(
            "    shock:",
            """
            portfolio:
              assets: [USD, NOPE]
              holdings:
                - [1, 2]
            shock:"""
                .indent(4)
                .stripTrailing());
    List<String> p = problems(yaml);
    assertTrue(
        p.stream()
            .anyMatch(
                s ->
                    s.startsWith(
                        "agents[0].portfolio.assets[0]: asset 'USD' must be a spot asset")),
        p.toString());
    assertTrue(
        p.stream().anyMatch(s -> s.startsWith("agents[0].portfolio.assets[1]:")), p.toString());
  }

  @Test
  void test_populationMetricPaths_checkedAgainstTheScenario(@TempDir Path dir) {
    String sweep =
        """
        scenario: gai-kapadia
        parameters:
          - {path: "agents[0].network.averageDegree", values: [1, 2]}
        metrics:
          - populations.banks.contagion
          - populations.banks.bogus
          - populations.lenders.contagion
        """;
    InvalidSpecException e =
        assertThrows(
            InvalidSpecException.class,
            () ->
                new SweepReader(Catalog.standard()).read(Fixtures.write(dir, "sweep.yaml", sweep)));
    assertEquals(
        List.of(
            "metrics[1]: 'populations.banks.bogus': population 'banks' (type institutions) reports the metrics "
                + "[institutions, defaults, defaultedShare, contagion, extent, fireSaleNotional, deleveragingNotional, equityLost]",
            "metrics[2]: 'populations.lenders.contagion': the scenario has no population 'lenders' (populations: [banks])"),
        e.problems().stream().map(Problem::toString).toList());
  }
}
