package org.marginfall.reports.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liquidation events are recognised from the manifest's list, for any family: a {@code seizure}
 * with {@code debt} 2 at {@code price} 1,500 has a notional of 2 × 1,500 = 3,000.
 */
class LiquidationKindsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private LiquidationKinds read(String manifest) throws Exception {
    Files.writeString(dir.resolve(RunFiles.MANIFEST), manifest, StandardCharsets.UTF_8);
    return LiquidationKinds.read(dir);
  }

  @Test
  void test_notional_productOfTheListedFields() throws Exception {
    LiquidationKinds kinds =
        read("{\"seed\": 1, \"liquidationEvents\": {\"seizure\": [\"debt\", \"price\"]}}");
    assertTrue(kinds.isLiquidation("seizure"));
    assertFalse(kinds.isLiquidation("trade"));
    assertEquals(
        3000.0,
        kinds.notional(JSON.readTree("{\"type\":\"seizure\",\"debt\":2.0,\"price\":1500.0}")));
    assertTrue(Double.isNaN(kinds.notional(JSON.readTree("{\"type\":\"trade\",\"debt\":2.0}"))));
  }

  @Test
  void test_noList_noLiquidations() throws Exception {
    assertFalse(read("{\"seed\": 1}").isLiquidation("liquidation"));
    Files.delete(dir.resolve(RunFiles.MANIFEST));
    assertEquals(0, LiquidationKinds.read(dir).notionalFields().size());
  }

  @Test
  void test_malformedList_namesTheField() {
    ReportException e =
        assertThrows(
            ReportException.class, () -> read("{\"liquidationEvents\": {\"seizure\": \"debt\"}}"));
    assertEquals(
        "manifest.json: field 'liquidationEvents.seizure' must be a non-empty array of field names",
        e.getMessage());
  }
}
