package org.marginfall.reports.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.reports.RunFixtures;

class SummaryReaderTest {

  @TempDir Path dir;

  private RunSummary read(String json) throws IOException {
    Path file = dir.resolve("summary.json");
    RunFixtures.write(file, json);
    return SummaryReader.read(file);
  }

  private String failure(String json) {
    return assertThrows(ReportException.class, () -> read(json)).getMessage();
  }

  @Test
  void readsTheDocumentedShapeInFileOrder() throws IOException {
    RunSummary summary = read(RunFixtures.summaryJson("flash-crash"));
    assertEquals("flash-crash", summary.scenario().name());
    assertEquals(Optional.of("9f2c"), summary.scenario().sha256IfPresent());
    assertEquals(42, summary.run().seed());
    assertEquals(30, summary.run().steps());
    assertEquals(60.0, summary.run().stepSeconds());
    assertEquals("USD", summary.run().baseCurrency());
    assertEquals(
        List.of(
            "seed", "replication", "steps", "stepSeconds", "maxLiquidationRounds", "baseCurrency"),
        summary.run().fields().names());
    assertEquals(List.of("ETH"), List.copyOf(summary.assets().keySet()));
    assertEquals(List.of("perp-cross", "lend-pool"), List.copyOf(summary.venues().keySet()));

    SummaryFields perp = summary.venues().get("perp-cross");
    assertEquals(Optional.of(new SummaryValue.Int(211)), perp.get("liquidations"));
    assertEquals(Optional.of(new SummaryValue.Real(1.2E7)), perp.get("liquidatedNotional"));
    assertEquals(Optional.of(new SummaryValue.Text("perpetual")), perp.get("type"));
    assertEquals(
        Optional.of(new SummaryValue.Null()),
        summary.venues().get("lend-pool").get("firstLiquidationStep"));
    assertEquals(Optional.of(new SummaryValue.Bool(true)), summary.audit().get("enabled"));
    assertEquals(
        Optional.of(new SummaryValue.Real(2.3E7)), summary.totals().get("liquidatedNotional"));
  }

  @Test
  void auditIsOptionalAndExtraFieldsAreKept() throws IOException {
    RunSummary summary =
        read(
            """
                {"scenario":{"name":"s"},"run":{"seed":1,"steps":2,"stepSeconds":1,"baseCurrency":"EUR"},
                 "assets":{"BTC":{"amplification":null,"newMetric":{"a":1}}},"venues":{},"totals":{}}
                """);
    assertTrue(summary.audit().isEmpty());
    assertFalse(summary.scenario().sha256IfPresent().isPresent());
    assertEquals(1.0, summary.run().stepSeconds());
    assertEquals(
        Optional.of(new SummaryValue.Structured("{\"a\":1}")),
        summary.assets().get("BTC").get("newMetric"));
  }

  @Test
  void missingRequiredFieldIsNamedByItsPath() {
    assertEquals(
        "summary.json: missing field 'run.baseCurrency'",
        failure(
            """
                {"scenario":{"name":"s"},"run":{"seed":1,"steps":2,"stepSeconds":1},
                 "assets":{},"venues":{},"totals":{}}"""));
    assertEquals(
        "summary.json: missing field 'venues'",
        failure(
            """
                {"scenario":{"name":"s"},"run":{"seed":1,"steps":2,"stepSeconds":1,"baseCurrency":"USD"},
                 "assets":{},"totals":{}}"""));
  }

  @Test
  void wrongTypeIsNamed() {
    assertEquals(
        "summary.json: field 'run.steps' must be an integer, found string",
        failure(
            """
                {"scenario":{"name":"s"},"run":{"seed":1,"steps":"2","stepSeconds":1,"baseCurrency":"USD"},
                 "assets":{},"venues":{},"totals":{}}"""));
    assertEquals(
        "summary.json: field 'assets.ETH' must be an object, found number",
        failure(
            """
                {"scenario":{"name":"s"},"run":{"seed":1,"steps":2,"stepSeconds":1,"baseCurrency":"USD"},
                 "assets":{"ETH":3},"venues":{},"totals":{}}"""));
  }

  @Test
  void malformedJsonGivesOneLineNamingTheFile() {
    String message = failure("{\"scenario\": {\"name\": \"s\",}\n}");
    assertTrue(message.startsWith("summary.json: not valid JSON at line 1, column "), message);
    assertFalse(message.contains("\n"), message);
  }

  @Test
  void duplicateKeysAndNonObjectsAreRejected() {
    assertTrue(failure("{\"a\":1,\"a\":2}").startsWith("summary.json: not valid JSON"));
    assertEquals("summary.json: top level must be a JSON object, found array", failure("[1]"));
    assertEquals("summary.json: empty file", failure("  "));
  }
}
