package org.marginfall.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.marginfall.core.asset.Asset;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.market.ImpactModel;
import org.marginfall.core.metric.RunSettings;
import org.marginfall.core.price.PriceProcessSpec;
import org.marginfall.core.price.PriceShock;
import org.marginfall.core.testing.ModelSpecs;

class ModelSpecTest {

  private static final ModelSpec BASE = ModelSpecs.oneAsset(10);
  private static final AssetId USD = ModelSpecs.USD;
  private static final AssetId ETH = ModelSpecs.ETH;

  private static void assertRejected(String prefix, Executable constructor) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, constructor);
    assertTrue(
        e.getMessage().startsWith(prefix), "'" + e.getMessage() + "' should start with " + prefix);
  }

  private static ModelSpec with(
      List<Asset> assets, Map<AssetId, PriceProcessSpec> prices, double[][] corr) {
    return new ModelSpec(
        BASE.settings(),
        USD,
        assets,
        prices,
        corr,
        BASE.markets(),
        BASE.oracles(),
        List.of(),
        List.of(),
        List.of());
  }

  @Test
  void test_constructor_baseCurrencyMustBeAnAssetOfKindBase() {
    assertRejected(
        "baseCurrency:",
        () ->
            with(
                List.of(new Asset(USD, AssetKind.SPOT), new Asset(ETH, AssetKind.SPOT)),
                Map.of(USD, PriceProcessSpec.constant(1), ETH, PriceProcessSpec.constant(1)),
                new double[][] {{1, 0}, {0, 1}}));
  }

  @Test
  void test_constructor_duplicateAssetRejected() {
    assertRejected(
        "assets:",
        () ->
            with(
                List.of(
                    new Asset(USD, AssetKind.BASE),
                    new Asset(ETH, AssetKind.SPOT),
                    new Asset(ETH, AssetKind.SPOT)),
                BASE.prices(),
                new double[][] {{1}}));
  }

  @Test
  void test_constructor_everySpotAssetNeedsAPriceProcess() {
    assertRejected("prices:", () -> with(BASE.assets(), Map.of(), new double[][] {{1}}));
  }

  @Test
  void test_constructor_correlationMustBeSquareOverSpotAssets() {
    assertRejected(
        "correlation:", () -> with(BASE.assets(), BASE.prices(), new double[][] {{1, 0}, {0, 1}}));
    assertRejected(
        "correlation:", () -> with(BASE.assets(), BASE.prices(), new double[][] {{1, 0}}));
  }

  @Test
  void test_constructor_marketsMustBeOnSpotAssets() {
    assertRejected(
        "markets:",
        () ->
            new ModelSpec(
                BASE.settings(),
                USD,
                BASE.assets(),
                BASE.prices(),
                BASE.correlation(),
                List.of(new MarketSpec(USD, new ImpactModel.None(), 1)),
                List.of(),
                List.of(),
                List.of(),
                List.of()));
  }

  @Test
  void test_constructor_shocksMustBeOnSpotAssets() {
    assertRejected(
        "shocks:", () -> ModelSpecs.withShocks(BASE, List.of(new PriceShock(USD, 1, 1, -0.5))));
  }

  @Test
  void test_correlation_isADefensiveCopy() {
    double[][] corr = BASE.correlation();
    corr[0][0] = 0.5;
    assertEquals(1.0, BASE.correlation()[0][0], 0.0);
  }

  @Test
  void test_spotAssets_inScenarioOrder() {
    assertEquals(List.of(ETH), BASE.spotAssets());
  }

  @Test
  void test_runSettings_validationNamesTheField() {
    assertRejected("steps:", () -> new RunSettings(0, 60, 1, 1));
    assertRejected("steps:", () -> new RunSettings(RunSettings.MAX_STEPS + 1, 60, 1, 1));
    assertEquals(1_000_000L, new RunSettings(RunSettings.MAX_STEPS, 60, 1, 1).steps());
    assertRejected("stepSeconds:", () -> new RunSettings(1, 0, 1, 1));
    assertRejected("maxLiquidationRounds:", () -> new RunSettings(1, 60, 0, 1));
    assertEquals(99L, new RunSettings(1, 60, 1, 1).withSeed(99).seed());
  }
}
