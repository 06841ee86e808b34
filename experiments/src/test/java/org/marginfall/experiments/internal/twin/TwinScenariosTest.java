package org.marginfall.experiments.internal.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marginfall.core.engine.MarketSpec;
import org.marginfall.core.market.ImpactModel;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.experiments.Fixtures;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.Scenario;
import org.marginfall.experiments.internal.scenario.ScenarioReader;
import org.marginfall.protocols.perp.MarginMode;
import org.marginfall.protocols.perp.PerpetualVenueSpec;

/** The twin transforms on scenario trees, and the names a user may give. */
class TwinScenariosTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final TwinScenarios TWINS = new TwinScenarios(Catalog.standard());

  /**
   * Three venues: a cross perpetual with a portfolio block, a preset perpetual, a lending venue.
   */
  private static final String TREE =
      """
      name: t
      markets:
        - {asset: ETH, impact: {model: linear-log, depth: 1.0e8}, halfLifeSteps: 30}
        - {asset: BTC, impact: {model: none}}
      venues:
        - id: pm
          type: perpetual
          marginMode: portfolio
          portfolio: {method: span}
          markets: [ETH]
        - id: hl
          preset: hyperliquid-like
          oracle: feed
        - id: lend
          type: lending
          oracle: feed
      contagion:
        channels: {commonOracle: false}
      """;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> tree() throws IOException {
    return YAML.readValue(TREE, Map.class);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> venue(Object tree, int i) {
    return (Map<String, Object>) ((List<Object>) ((Map<String, Object>) tree).get("venues")).get(i);
  }

  @SuppressWarnings("unchecked")
  private static Object at(Object tree, String... fields) {
    Object node = tree;
    for (String f : fields) {
      node = ((Map<String, Object>) node).get(f);
    }
    return node;
  }

  @Test
  void test_tree_isolatedSetsEveryPerpetualVenueIsolated() throws IOException {
    Map<String, Object> base = tree();
    Object twin = TWINS.tree(Twin.parse("isolated"), base, true);
    assertEquals("isolated", venue(twin, 0).get("marginMode"));
    assertFalse(
        venue(twin, 0).containsKey("portfolio"),
        "a portfolio block is read only in portfolio mode");
    // The preset is written out (its fields become the entry's, the entry's own fields win) so the
    // entry stands alone; hyperliquid-like is a cross perpetual preset.
    Map<String, Object> hl = venue(twin, 1);
    assertFalse(hl.containsKey("preset"));
    assertEquals("perpetual", hl.get("type"));
    assertEquals("isolated", hl.get("marginMode"));
    assertEquals("feed", hl.get("oracle"));
    assertTrue(
        hl.containsKey("maintenanceMargin") || hl.containsKey("markets"),
        "the preset's fields were not written out: " + hl);
    assertEquals(
        venue(base, 2), venue(twin, 2), "a lending venue has no margin mode and is left alone");
    assertEquals(Boolean.FALSE, at(twin, "contagion", "channels", "sharedPool"));
    assertEquals(
        Boolean.FALSE,
        at(twin, "contagion", "channels", "commonOracle"),
        "other switches are kept");
    assertEquals(tree(), base, "the base tree is not modified");
  }

  @Test
  void test_tree_isolatedWithoutChannelSwitchesAddsNoContagionSection() throws IOException {
    Map<String, Object> base = tree();
    base.remove("contagion");
    Object twin = TWINS.tree(Twin.parse("isolated"), base, false);
    assertFalse(((Map<?, ?>) twin).containsKey("contagion"));
    assertEquals("isolated", venue(twin, 0).get("marginMode"));
  }

  @Test
  void test_tree_noImpactSetsEveryMarketToNone() throws IOException {
    Object twin = TWINS.tree(Twin.parse("no-impact"), tree(), true);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> markets = (List<Map<String, Object>>) at(twin, "markets");
    assertEquals(Map.of("model", "none"), markets.get(0).get("impact"));
    assertEquals(30, markets.get(0).get("halfLifeSteps"), "resilience is left as it was");
    assertEquals(Map.of("model", "none"), markets.get(1).get("impact"));
    assertEquals(venue(tree(), 0), venue(twin, 0));
  }

  @Test
  void test_tree_noChannelSwitchesOneChannelOff() throws IOException {
    Object twin = TWINS.tree(Twin.parse("no-channel:commonMarket"), tree(), true);
    assertEquals(
        Map.of("commonOracle", false, "commonMarket", false), at(twin, "contagion", "channels"));
    Map<String, Object> bare = tree();
    bare.remove("contagion");
    Object created = TWINS.tree(Twin.parse("no-channel:derivedCollateral"), bare, true);
    assertEquals(Map.of("channels", Map.of("derivedCollateral", false)), at(created, "contagion"));
  }

  @Test
  void test_parse_namesAndDirectories() {
    assertEquals(new Twin(Twin.Kind.ISOLATED, null), Twin.parse("isolated"));
    assertEquals(new Twin(Twin.Kind.NO_IMPACT, null), Twin.parse("no-impact"));
    for (String c : Twin.CHANNELS) {
      Twin t = Twin.parse("no-channel:" + c);
      assertEquals("no-channel:" + c, t.name());
      assertEquals("no-channel-" + c, t.directory());
    }
  }

  @Test
  void test_tree_setTwinChangesOneFieldReadAsYaml() throws IOException {
    Twin t = Twin.parse("set:venues[2].insuranceFund=2.5e6");
    assertEquals("set-venues-2-.insuranceFund-2.5e6", t.directory());
    Map<String, Object> base = tree();
    Object twin = TWINS.tree(t, base, true);
    assertEquals(2.5e6, venue(twin, 2).get("insuranceFund"));
    assertEquals(null, venue(base, 2).get("insuranceFund"), "the base tree is untouched");
    Object flag = TWINS.tree(Twin.parse("set:venues[0].marginMode=cross"), base, true);
    assertEquals("cross", venue(flag, 0).get("marginMode"));
    InvalidSpecException missing =
        assertThrows(
            InvalidSpecException.class,
            () -> TWINS.tree(Twin.parse("set:venues[7].fee=1"), base, true));
    assertEquals(
        "twin set:venues[7].fee=1: venues[7] does not exist in the scenario",
        missing.problems().get(0).toString());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Twin.parse("set:venues[0].fee"));
    assertEquals(
        "--twin: set:venues[0].fee must read set:<field path>=<value>, e.g. set:agents[2].capital=2.0e7",
        e.getMessage());
  }

  @Test
  void test_parse_unknownNamesListTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Twin.parse("shared"));
    assertEquals(
        "--twin: unknown twin 'shared' (known: isolated, no-impact, no-channel:<channel> with channel one of"
            + " commonMarket, derivedCollateral, sharedPool, collateralTransfer, commonOracle,"
            + " set:<field path>=<value>)",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Twin.parse("no-channel:oracle"));
    assertEquals(
        "--twin: unknown channel 'oracle' (known: commonMarket, derivedCollateral, sharedPool,"
            + " collateralTransfer, commonOracle)",
        e.getMessage());
  }

  @Test
  void test_scenario_isolatedTwinOfTheExampleIsValidWithTheSameSeed() throws IOException {
    Scenario base = new ScenarioReader(Catalog.standard()).read(Fixtures.example());
    Scenario twin = TWINS.scenario(Twin.parse("isolated"), base);
    assertEquals("flash-crash [twin isolated]", twin.name());
    assertEquals(base.model().settings(), twin.model().settings(), "same steps, seed and rounds");
    for (var v : twin.model().venues()) {
      assertEquals(MarginMode.ISOLATED, ((PerpetualVenueSpec) v).marginMode(), v.id().toString());
    }
    assertNotEquals(base.sha256(), twin.sha256());
  }

  @Test
  void test_scenario_noImpactTwinOfTheExampleHasNoImpact() throws IOException {
    Scenario base = new ScenarioReader(Catalog.standard()).read(Fixtures.example());
    Scenario twin = TWINS.scenario(Twin.parse("no-impact"), base);
    for (MarketSpec m : twin.model().markets()) {
      assertEquals(new ImpactModel.None(), m.impact(), m.asset().toString());
    }
    assertEquals(base.model().venues(), twin.model().venues());
  }

  @Test
  void test_owner_dropsVenueAndTrailingAsset() {
    Set<String> assets = Set.of("USD", "ETH", "BTC");
    assertEquals(
        "accounts/traders/007",
        AccountOutcomes.owner("perp", "perp/accounts/traders/007/ETH", assets));
    assertEquals(
        "accounts/traders/007", AccountOutcomes.owner("perp", "perp/accounts/traders/007", assets));
    assertEquals(
        "vaults/owners/01", AccountOutcomes.owner("cdp", "cdp/vaults/owners/01/ETH", assets));
  }
}
