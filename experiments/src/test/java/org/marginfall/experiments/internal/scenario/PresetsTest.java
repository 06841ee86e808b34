package org.marginfall.experiments.internal.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.marginfall.experiments.Fixtures.minimalYaml;
import static org.marginfall.experiments.Fixtures.replaceOnce;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;
import org.marginfall.experiments.Fixtures;
import org.marginfall.protocols.perp.LiquidationMode;
import org.marginfall.protocols.perp.LiquidationTerms;
import org.marginfall.protocols.perp.PerpetualVenueSpec;

/**
 * {@code preset: NAME} lays a venue entry over a named parameter set that its own fields override.
 */
class PresetsTest {

  private static final Presets TEST_PRESETS =
      Presets.load(PresetsTest.class.getClassLoader(), "test-presets");
  private static final Catalog CATALOG =
      new Catalog(
          Catalog.standard().venueTypes(),
          Catalog.standard().populationTypes(),
          TEST_PRESETS,
          Catalog.standard().coreTypes());

  /** minimal.yaml's first venue, with its type and margins replaced by a preset reference. */
  private static String withPreset(String extraVenueLines) {
    return replaceOnce(
        minimalYaml(),
        "  - id: perp\n    type: perpetual\n    oracle: feed\n    initialMargin: 0.1\n    maintenanceMargin: 0.05\n",
        "  - id: perp\n    preset: cautious-perp\n    oracle: feed\n" + extraVenueLines);
  }

  private static Scenario read(String yaml) {
    return new ScenarioReader(CATALOG).read(yaml.getBytes(StandardCharsets.UTF_8), false);
  }

  @Test
  void test_load_readsTheIndexedPresetsWithTheirDocumentation() {
    Presets.Preset p = TEST_PRESETS.find("cautious-perp").orElseThrow();
    assertEquals("A test preset, a perpetual venue with 10x maximum leverage.", p.description());
    assertEquals(List.of("test fixture"), p.sources());
    assertEquals("perpetual", p.venue().get("type"));
  }

  @Test
  void test_read_presetSuppliesTypeAndFieldsTheEntryLeavesOut() {
    PerpetualVenueSpec perp = (PerpetualVenueSpec) read(withPreset("")).model().venues().get(0);
    assertEquals(0.1, perp.markets().get(0).initialMargin());
    assertEquals(0.05, perp.markets().get(0).maintenanceMargin());
    assertEquals(0.02, perp.liquidationFee());
    assertEquals(0.25, perp.liquidatorShare());
  }

  @Test
  void test_read_entryFieldsOverrideThePreset() {
    PerpetualVenueSpec perp =
        (PerpetualVenueSpec)
            read(withPreset("    liquidationFee: 0.005\n")).model().venues().get(0);
    assertEquals(0.005, perp.liquidationFee());
    assertEquals(0.25, perp.liquidatorShare()); // still the preset's
  }

  @Test
  void test_read_unknownPresetListsTheKnownOnes() {
    String yaml = withPreset("").replace("preset: cautious-perp", "preset: reckless-perp");
    InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> read(yaml));
    assertEquals(
        new Problem("venues[0].preset", "unknown preset 'reckless-perp' (known: cautious-perp)"),
        e.problems().get(0));
  }

  @Test
  void test_read_invalidOverrideIsReportedAtTheEntrysPath() {
    // The preset's initialMargin 0.1 with an overriding maintenanceMargin 0.2 is inconsistent.
    InvalidSpecException e =
        assertThrows(
            InvalidSpecException.class, () -> read(withPreset("    maintenanceMargin: 0.2\n")));
    assertEquals(
        List.of(
            new Problem(
                "venues[0].maintenanceMargin", "must be below initialMargin (0.1), was 0.2")),
        e.problems());
  }

  @Test
  void test_hyperliquidLike_followsHyperliquidsDocumentedPartialLiquidation() throws Exception {
    // Hyperliquid docs, trading/liquidations: 20% of a position above 100k USDC, then a 30 s
    // cooldown during which liquidations take whole positions; the cooldown counts whole steps.
    String example = Files.readString(Fixtures.example().resolveSibling("perp-backstop-adl.yaml"));
    for (int[] stepsAndCooldown : new int[][] {{60, 1}, {10, 3}, {7, 5}}) {
      String yaml = example.replace("stepSeconds: 60", "stepSeconds: " + stepsAndCooldown[0]);
      Scenario s =
          new ScenarioReader(Catalog.standard()).read(yaml.getBytes(StandardCharsets.UTF_8), false);
      PerpetualVenueSpec hl = (PerpetualVenueSpec) s.model().venues().get(0);
      assertEquals("hl", hl.id().value());
      assertEquals(
          new LiquidationTerms(LiquidationMode.FIXED_PARTIAL, 0.2, 100_000, stepsAndCooldown[1]),
          hl.liquidation());
    }
  }
}
