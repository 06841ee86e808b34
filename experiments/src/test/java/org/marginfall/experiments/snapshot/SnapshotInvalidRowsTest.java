package org.marginfall.experiments.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.core.engine.ScenarioFailure;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;
import org.marginfall.experiments.internal.run.Json;
import org.marginfall.experiments.internal.run.RunDirectoryWriter;
import org.marginfall.experiments.internal.run.RunRequest;
import org.marginfall.experiments.internal.scenario.Scenario;

/**
 * Rows that do not fit: each reason at its file and line; refused unless {@code onInvalidRow:
 * skip}; skipped rows counted per reason in {@code summary.json}; loaded balances conserved by the
 * audit.
 */
class SnapshotInvalidRowsTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  /** Line 1 is a comment, 2 the header; each bad row's line is in its comment. */
  private static final String PERP =
      """
      # test rows
      account,market,size,entryPrice,marginMode,collateral.USD,collateral.DOGE
      ok,ETH,1,2000,cross,1000,
      a,SOL,1,100,cross,1000,
      b,ETH,1,2000,cross,-5,
      ok,ETH,2,2000,cross,1000,
      c,ETH,abc,2000,cross,1000,
      d,ETH,1,2000,isolated,1000,
      e,ETH,10,2500,cross,1000,
      f,ETH,1,2000,cross,1000,3
      bad id,ETH,1,2000,cross,1000,
      g,ETH,1,2000,cross
      """;

  @TempDir Path dir;

  private Path perp(String policy) throws IOException {
    return SnapshotWorlds.write(
        dir,
        "- {id: pt, type: perpetual-snapshot, venue: perp, file: p.csv" + policy + "}\n",
        "p.csv",
        PERP);
  }

  @Test
  void test_readProblems_eachAtItsLine_refusedWithoutSkip() throws IOException {
    InvalidSpecException e =
        assertThrows(InvalidSpecException.class, () -> SnapshotWorlds.read(perp("")));
    List<String> messages = e.problems().stream().map(Problem::message).toList();
    assertEquals(
        List.of(
            "p.csv:4: market 'SOL' is not listed by venue perp (lists: [ETH, BTC]) (unknown-market)",
            "p.csv:5: collateral USD is negative: -5.0 (negative-amount)",
            "p.csv:6: account ok holds ETH on an earlier line (duplicate-account)",
            "p.csv:7: size 'abc' is not a finite number (malformed)",
            "p.csv:10: venue perp does not take DOGE as collateral (unknown-asset)",
            "p.csv:11: account 'bad id' must be 1 to 64 letters, digits, _ or - (malformed)",
            "p.csv:12: has 5 cells, the header 7 (malformed)",
            "the rows above do not fit; fix them, or set onInvalidRow: skip to leave them out"),
        messages);
    assertTrue(e.problems().get(0).path().endsWith("agents[0].file"), e.problems().get(0).path());
  }

  @Test
  void test_venueRefusals_atSetUp_refusedWithoutSkip() throws IOException {
    // Without the read problems, the venue's own refusals stop the set-up, each row named.
    Path scenario =
        SnapshotWorlds.write(
            dir,
            "- {id: pt, type: perpetual-snapshot, venue: perp, file: p.csv}\n",
            "p.csv",
            """
        account,market,size,entryPrice,marginMode,collateral.USD
        ok,ETH,1,2000,cross,1000
        d,ETH,1,2000,isolated,1000
        e,ETH,10,2500,cross,1000
        """);
    Scenario s = SnapshotWorlds.read(scenario);
    ScenarioFailure f = assertThrows(ScenarioFailure.class, () -> Simulation.check(s.model(), 11));
    assertEquals("agents[0]", f.field());
    assertEquals(
        "at set-up: population pt: p.csv:3: margin mode 'isolated' is not the venue's (cross) (margin-mode); "
            + "p.csv:4: account e: the venue would liquidate it at once: equity -4000.0 is below the maintenance requirement "
            + "1000.0 (rejected-at-start); set onInvalidRow: skip to leave them out",
        f.detail());
  }

  @Test
  void test_skip_countsPerReasonInSummary_andAuditPasses() throws IOException {
    Scenario s = SnapshotWorlds.read(perp(", onInvalidRow: skip"));
    Path out = dir.resolve("run");
    new RunDirectoryWriter(CLOCK)
        .write(new RunRequest(s, "scenario.yaml", out, OptionalLong.empty(), true, false, false));
    JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
    JsonNode pt = summary.path("snapshots").path("pt");
    assertEquals(10, pt.path("rows").asLong());
    assertEquals(9, pt.path("skippedRows").asLong());
    assertEquals(1, pt.path("skipped").path("unknown-market").asLong());
    assertEquals(1, pt.path("skipped").path("negative-amount").asLong());
    assertEquals(1, pt.path("skipped").path("duplicate-account").asLong());
    assertEquals(3, pt.path("skipped").path("malformed").asLong());
    assertEquals(1, pt.path("skipped").path("unknown-asset").asLong());
    assertEquals(1, pt.path("skipped").path("margin-mode").asLong());
    assertEquals(1, pt.path("skipped").path("rejected-at-start").asLong());
    assertEquals(0, summary.path("audit").path("violations").asInt());
    assertTrue(summary.path("audit").path("stepsChecked").asLong() > 0);
    // One loaded account (ok) on the venue: e's margin account, opened to test it, was discarded
    // with its refusal, so the skip record is its only trace; the skip events come in line order.
    assertEquals(
        1, summary.path("venues").path("perp").path("accounts").asLong() - houseAccounts(s, out));
    List<String> lines =
        Files.readAllLines(out.resolve("events.jsonl")).stream()
            .filter(l -> l.contains("snapshot_row_skipped"))
            .toList();
    assertEquals(9, lines.size());
    assertTrue(lines.get(0).contains("\"line\":4"), lines.get(0));
    assertTrue(lines.get(8).contains("\"line\":12"), lines.get(8));
    JsonNode manifest = Json.mapper().readTree(out.resolve("manifest.json").toFile());
    JsonNode file = manifest.path("scenario").path("dataFiles").get(0);
    assertEquals("p.csv", file.path("file").asText());
    assertEquals(pt.path("sha256").asText(), file.path("sha256").asText());
    assertEquals(64, pt.path("sha256").asText().length());
  }

  /**
   * The perp venue's accounts that are not traders' (house, insurance, ...): a run with an empty
   * snapshot counts them.
   */
  private long houseAccounts(Scenario s, Path out) throws IOException {
    Path empty = dir.resolve("empty");
    Files.createDirectories(empty);
    Scenario none =
        SnapshotWorlds.read(
            SnapshotWorlds.write(
                empty,
                "- {id: pt, type: perpetual-snapshot, venue: perp, file: p.csv}\n",
                "p.csv",
                "account,market,size,entryPrice\n"));
    Path run = empty.resolve("run");
    new RunDirectoryWriter(CLOCK)
        .write(
            new RunRequest(none, "scenario.yaml", run, OptionalLong.empty(), true, false, false));
    return Json.mapper()
        .readTree(run.resolve("summary.json").toFile())
        .path("venues")
        .path("perp")
        .path("accounts")
        .asLong();
  }

  @Test
  void test_sameScenario_byteIdenticalOutputs() throws IOException {
    Scenario s = SnapshotWorlds.read(perp(", onInvalidRow: skip"));
    for (String run : List.of("r1", "r2")) {
      new RunDirectoryWriter(CLOCK)
          .write(
              new RunRequest(
                  s, "scenario.yaml", dir.resolve(run), OptionalLong.empty(), false, false, false));
    }
    for (String f : List.of("summary.json", "timeseries.csv", "events.jsonl")) {
      assertEquals(
          Files.readString(dir.resolve("r1").resolve(f)),
          Files.readString(dir.resolve("r2").resolve(f)),
          f);
    }
  }

  @Test
  void test_lendingAndCdpRefusals_namedWithLines() throws IOException {
    Path scenario =
        SnapshotWorlds.write(
            dir,
            """
        - {id: lu, type: lending-snapshot, venue: lend, file: l.csv}
        - {id: mk, type: cdp-snapshot, venue: cdp, file: v.csv}
        """,
            "l.csv",
            """
        account,asset,supplied,borrowed
        pool,USD,100000,0
        greedy,ETH,1,0
        greedy,USD,0,1800
        x,LINK,1,0
        """,
            "v.csv",
            """
        vault,ilk,collateral,art
        v1,ETH,1,1500
        v2,BTC,1,10
        v3,ETH,-1,0
        """);
    InvalidSpecException e =
        assertThrows(InvalidSpecException.class, () -> SnapshotWorlds.read(scenario));
    List<String> messages = e.problems().stream().map(Problem::message).toList();
    assertTrue(
        messages.contains(
            "l.csv:5: venue lend has no reserve for 'LINK' (reserves: [ETH, USD]; map a symbol with names) (unknown-asset)"),
        messages.toString());
    assertTrue(
        messages.contains(
            "v.csv:3: venue cdp has no collateral type 'BTC' (has: [ETH]; map a name with names) (unknown-ilk)"),
        messages.toString());
    assertTrue(
        messages.contains(
            "v.csv:4: collateral -1.0 and art 0.0 must not be negative (negative-amount)"),
        messages.toString());
    // Remove the read problems: the venue's refusals remain, at set-up.
    Path fixed =
        SnapshotWorlds.write(
            dir,
            """
        - {id: lu, type: lending-snapshot, venue: lend, file: l.csv}
        - {id: mk, type: cdp-snapshot, venue: cdp, file: v.csv, onInvalidRow: skip}
        """,
            "l.csv",
            """
        account,asset,supplied,borrowed
        pool,USD,100000,0
        greedy,ETH,1,0
        greedy,USD,0,1800
        """,
            "v.csv",
            """
        vault,ilk,collateral,art
        v1,ETH,1,1500
        """);
    Scenario s = SnapshotWorlds.read(fixed);
    ScenarioFailure f = assertThrows(ScenarioFailure.class, () -> Simulation.check(s.model(), 11));
    assertEquals("agents[0]", f.field());
    // 1,800 on 1 ETH at 2,000: HF = 2,000 x 0.85 / 1,800 = 0.944 < 1, liquidatable: both of
    // greedy's rows.
    assertTrue(
        f.detail().contains("l.csv:3: account greedy: lend: health factor 0.944"), f.detail());
    assertTrue(f.detail().contains("l.csv:4: account greedy"), f.detail());
  }

  @Test
  void test_cdpUnsafeVault_skipped_leavesNothing() throws IOException {
    Scenario s =
        SnapshotWorlds.read(
            SnapshotWorlds.write(
                dir,
                """
        - {id: mk, type: cdp-snapshot, venue: cdp, file: v.csv, onInvalidRow: skip}
        """,
                "v.csv",
                """
        vault,ilk,collateral,art
        v1,ETH,1,1500
        v2,ETH,10,8000
        """));
    Path out = dir.resolve("run");
    new RunDirectoryWriter(CLOCK)
        .write(new RunRequest(s, "scenario.yaml", out, OptionalLong.empty(), true, false, false));
    JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
    // 1 ETH at 2,000 against 1,500 x mat 1.45 = 2,175: unsafe, refused before anything moved.
    assertEquals(
        1, summary.path("snapshots").path("mk").path("skipped").path("rejected-at-start").asLong());
    assertEquals(1, summary.path("venues").path("cdp").path("accounts").asLong());
    assertEquals(0, summary.path("audit").path("violations").asInt());
  }

  @Test
  void test_fileProblems_missingFileColumnAndBrokenJson() throws IOException {
    Path scenario =
        SnapshotWorlds.write(
            dir,
            """
        - {id: a, type: perpetual-snapshot, venue: perp, file: missing.csv}
        - {id: b, type: lending-snapshot, venue: lend, file: l.csv}
        - {id: c, type: perpetual-snapshot, venue: perp, file: h.json, format: hyperliquid}
        - {id: d, type: cdp-snapshot, venue: cdp, file: v.csv, format: xlsx}
        """,
            "l.csv",
            "account,asset,supplied\nx,USD,1\n",
            "h.json",
            "{\"0x1\": {\"assetPositions\": [\n");
    InvalidSpecException e =
        assertThrows(InvalidSpecException.class, () -> SnapshotWorlds.read(scenario));
    List<String> messages = e.problems().stream().map(p -> p.path() + ": " + p.message()).toList();
    assertTrue(
        messages
            .get(0)
            .startsWith("agents[0].file: cannot read missing.csv: missing.csv (no such file"),
        messages.get(0));
    assertEquals(
        "agents[1].file: l.csv:1: the header lacks column 'borrowed' (it has: account,asset,supplied; "
            + "needs: account,asset,supplied,borrowed)",
        messages.get(1));
    assertTrue(
        messages
            .get(2)
            .startsWith("agents[2].file: h.json:2: not valid JSON: Unexpected end-of-input"),
        messages.get(2));
    assertEquals(
        "agents[3].format: unknown format 'xlsx' (known: csv, maker-urns, parquet)",
        messages.get(3));
  }
}
