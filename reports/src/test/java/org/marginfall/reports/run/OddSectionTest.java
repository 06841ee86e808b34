package org.marginfall.reports.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.reports.doc.Block;
import org.marginfall.reports.doc.Table;

class OddSectionTest {

  /** Sections whose elements have no id: markets and shocks name an asset, correlations a pair. */
  static final String SCENARIO =
      """
            name: three-venue-crash
            run: {steps: 240, stepSeconds: 60, seed: 20250310}
            assets:
              - {id: USD, kind: base}
              - {id: ETH, price: {initial: 3000}}
              - {id: BTC, price: {initial: 60000}}
            correlations:
              - {assets: [ETH, BTC], rho: 0.7}
            markets:
              - {asset: ETH, impact: {model: linear-log, depth: 3.0e8}}
              - {asset: BTC, impact: {model: none}}
            oracles:
              - {id: chainlink, heartbeatSteps: 60}
            shocks:
              - {asset: ETH, startStep: 30, steps: 20, change: -0.35}
              - {asset: ETH, startStep: 90, change: -0.1}
            venues:
              - {id: perp, type: perpetual}
            """;

  @TempDir Path temp;

  @Test
  void test_entities_nameEveryElementWithoutAnId() throws Exception {
    Files.writeString(temp.resolve(OddSection.SCENARIO), SCENARIO);
    Table entities =
        OddSection.blocks(temp).stream()
            .filter(b -> b instanceof Block.TableBlock)
            .map(b -> ((Block.TableBlock) b).table())
            .filter(t -> t.id().equals("odd-entities"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        List.of(
            List.of("assets", "3", "USD, ETH, BTC"),
            List.of("correlations", "1", "ETH\u2013BTC"),
            List.of("markets", "2", "ETH, BTC"),
            List.of("oracles", "1", "chainlink"),
            List.of("shocks", "2", "ETH from step 30, ETH from step 90"),
            List.of("venues", "1", "perp")),
        entities.rows());
  }

  @Test
  void test_parameters_quantitiesGroupedOnThePageExactInTheCsv() throws Exception {
    Files.writeString(temp.resolve(OddSection.SCENARIO), SCENARIO);
    Table parameters =
        OddSection.blocks(temp).stream()
            .filter(b -> b instanceof Block.TableBlock)
            .map(b -> ((Block.TableBlock) b).table())
            .filter(t -> t.id().equals("odd-parameters"))
            .findFirst()
            .orElseThrow();
    int depth =
        parameters.rows().stream().map(r -> r.get(0)).toList().indexOf("markets[0].impact.depth");
    assertEquals(List.of("markets[0].impact.depth", "300,000,000"), parameters.rows().get(depth));
    assertEquals(List.of("markets[0].impact.depth", "300000000"), parameters.exact().get(depth));
    // Integers as written: a seed is an identifier, not a quantity.
    int seed = parameters.rows().stream().map(r -> r.get(0)).toList().indexOf("run.seed");
    assertEquals(List.of("run.seed", "20250310"), parameters.rows().get(seed));
  }
}
