package org.marginfall.reports.html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginfall.reports.data.RunManifest;
import org.marginfall.reports.data.RunSummary;
import org.marginfall.reports.data.SummaryFields;
import org.marginfall.reports.data.SummaryValue;

class ReportPageTest {

  private static final Instant AT = Instant.parse("2026-11-21T12:34:56Z");

  private static RunSummary summary(String venueId) {
    Map<String, SummaryValue> venue = new LinkedHashMap<>();
    venue.put("type", new SummaryValue.Text("perpetual"));
    venue.put("firstLiquidationStep", new SummaryValue.Null());
    Map<String, SummaryValue> asset = new LinkedHashMap<>();
    asset.put("label", new SummaryValue.Text("not numeric"));
    asset.put("marketMaxDrawdown", new SummaryValue.Real(0.25));
    return new RunSummary(
        new RunSummary.Scenario("s", "abc"),
        new RunSummary.Settings(
            1, 2, 60.0, "USD", SummaryFields.of(Map.of("seed", new SummaryValue.Int(1)))),
        Map.of("ETH", SummaryFields.of(asset)),
        Map.of(venueId, SummaryFields.of(venue)),
        SummaryFields.of(Map.of("badDebt", new SummaryValue.Real(0.0))),
        SummaryFields.empty());
  }

  @Test
  void withoutManifestSaysSoAndFallsBackToTheSummaryHash() {
    String html = ReportPage.render(summary("v"), Optional.empty(), List.of(), AT);
    assertTrue(html.contains("has no manifest.json"));
    assertTrue(html.contains("<th>scenario sha256</th><td class=\"hash\">abc</td>"), html);
    assertTrue(html.contains("<p class=\"generated\">Generated at 2026-11-21T12:34:56Z</p>"));
    assertFalse(html.contains("id=\"audit\""), "empty audit section is left out");
  }

  @Test
  void venueIdsAndFieldsAreEscaped() {
    String html = ReportPage.render(summary("v<1>"), Optional.empty(), List.of(), AT);
    assertTrue(html.contains("<th>v&lt;1&gt;</th>"));
    assertFalse(html.contains("v<1>"));
  }

  @Test
  void assetTableShowsOnlyNumericFieldsAndNullsAsDashes() {
    String html = ReportPage.render(summary("v"), Optional.empty(), List.of(), AT);
    assertTrue(
        html.contains("<tr><th>marketMaxDrawdown</th><td class=\"num\">25.00%</td></tr>"), html);
    assertFalse(html.contains("not numeric"));
    assertTrue(html.contains("<tr><th>firstLiquidationStep</th><td>\u2014</td></tr>"), html);
  }

  @Test
  void dirtyTreeIsFlagged() {
    RunManifest manifest =
        new RunManifest(
            "marginfall", "1.0", "abc123", true, null, null, null, null, null, 2.0, null, null);
    String html = ReportPage.render(summary("v"), Optional.of(manifest), List.of(), AT);
    assertTrue(html.contains("abc123 (with uncommitted changes)"));
    assertTrue(html.contains("<td>2.000 s</td>"), html);
    assertFalse(html.contains("scenario file"), "absent manifest fields are left out");
  }
}
