package org.marginfall.reports.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduled oracle failures of a run, from the scenario copy in its directory. */
class OracleFailureReaderTest {

  @TempDir Path dir;

  @Test
  void test_read_everyFailureOfEveryOracleWithItsSteps() throws Exception {
    Files.writeString(
        dir.resolve("scenario.yaml"),
        """
                name: oracle-failures
                oracles:
                  - id: print-feed
                    failures:
                      - {asset: ETH, fromStep: 60, steps: 5, mode: wrong, factor: 0.8}
                  - id: quiet
                  - id: frozen-feed
                    failures:
                      - {asset: ETH, fromStep: 20, steps: 30, mode: frozen}
                      - {asset: BTC, fromStep: 7, mode: lagging, lagSteps: 3}
                """);
    // In force over [fromStep, fromStep + steps): the last step is fromStep + steps - 1; steps
    // defaults to 1.
    assertEquals(
        List.of(
            new OracleFailure("print-feed", "ETH", "wrong", 60, 64),
            new OracleFailure("frozen-feed", "ETH", "frozen", 20, 49),
            new OracleFailure("frozen-feed", "BTC", "lagging", 7, 7)),
        OracleFailureReader.read(dir));
  }

  @Test
  void test_read_noScenarioOrNoFailuresIsEmpty() throws Exception {
    assertEquals(List.of(), OracleFailureReader.read(dir));
    Files.writeString(dir.resolve("scenario.yaml"), "name: x\noracles:\n  - {id: feed}\n");
    assertEquals(List.of(), OracleFailureReader.read(dir));
  }
}
