package org.marginfall.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marginfall.agents.basis.BasisTradersSpec;
import org.marginfall.agents.basis.BasisTradersType;
import org.marginfall.agents.signal.SignalRule;
import org.marginfall.agents.signal.SignalTradersSpec;
import org.marginfall.agents.signal.SignalTradersType;
import org.marginfall.agents.testkit.FakeSpecContext;
import org.marginfall.agents.testkit.FakeSpecContext.FakeVenueSpec;
import org.marginfall.agents.trader.LeveragedTradersSpec;
import org.marginfall.agents.trader.LeveragedTradersType;
import org.marginfall.agents.trader.Panic;
import org.marginfall.agents.trader.TopUp;
import org.marginfall.agents.trader.TraderRisk;
import org.marginfall.agents.voltarget.VolTargetTradersSpec;
import org.marginfall.agents.voltarget.VolTargetTradersType;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.spec.PopulationType;
import org.marginfall.core.spec.Problem;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;

/** Reading the trader types of issue #5: valid records, and every failure at its field path. */
class TraderTypesReaderTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");

  /** A lending venue as readers see it: it issues receipts and lists no perpetuals. */
  private record Lending(VenueId id, Set<AssetId> tradableAssets, Set<AssetId> collateralAssets)
      implements VenueSpec {
    @Override
    public String type() {
      return "lending";
    }

    @Override
    public Set<AssetId> issuedAssets() {
      return Set.of(AssetId.of("aETH"));
    }

    @Override
    public Venue resolve(VenueServices services) {
      throw new AssertionError("never resolved");
    }
  }

  private static FakeSpecContext context() {
    return new FakeSpecContext(USD)
        .spot(ETH)
        .venue(new FakeVenueSpec(VenueId.of("perp"), "perpetual", Set.of(ETH), Set.of(), true))
        .venue(new Lending(VenueId.of("lend"), Set.of(ETH, USD), Set.of(ETH, USD)));
  }

  private record Read(PopulationSpec spec, List<Problem> problems) {}

  private static Read read(PopulationType type, SpecContext ctx, Object... fields) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < fields.length; i += 2) {
      m.put((String) fields[i], fields[i + 1]);
    }
    Problems problems = new Problems();
    SpecNode node =
        SpecNode.root(Map.of("agents", List.of(m)), problems).get("agents").elements().get(0);
    return new Read(type.read(node, ctx), problems.all());
  }

  private static void assertOnly(Read r, String path, String message) {
    assertNull(r.spec());
    assertEquals(1, r.problems().size(), r.problems().toString());
    assertEquals(path, r.problems().get(0).path());
    assertEquals(message, r.problems().get(0).message());
  }

  private static Object[] leveraged(Object... more) {
    Object[] base = {
      "id",
      "t",
      "type",
      "leveraged-traders",
      "venue",
      "perp",
      "markets",
      List.of("ETH"),
      "count",
      2,
      "collateral",
      1000,
      "leverage",
      3
    };
    Object[] out = new Object[base.length + more.length];
    System.arraycopy(base, 0, out, 0, base.length);
    System.arraycopy(more, 0, out, base.length, more.length);
    return out;
  }

  @Test
  void test_read_leveragedTradersRiskFields() {
    Read r =
        read(
            new LeveragedTradersType(),
            context(),
            leveraged(
                "stopLoss",
                0.1,
                "takeProfit",
                0.3,
                "topUp",
                Map.of("reserve", 500, "below", 1.4, "target", 2.5),
                "panic",
                Map.of("liquidations", 20, "lookbackSteps", 4)));
    assertEquals(List.of(), r.problems());
    assertEquals(
        new TraderRisk(
            0.1,
            0.3,
            Optional.of(new TopUp(new Distribution.Constant(500), 1.4, 2.5)),
            Optional.of(new Panic(0, 20, 4, 1.0))),
        ((LeveragedTradersSpec) r.spec()).risk());
    assertEquals(
        TraderRisk.NONE,
        ((LeveragedTradersSpec) read(new LeveragedTradersType(), context(), leveraged()).spec())
            .risk());
  }

  @Test
  void test_read_leveragedTradersRiskFailuresAtTheirPaths() {
    LeveragedTradersType t = new LeveragedTradersType();
    assertOnly(
        read(t, context(), leveraged("stopLoss", 1.2)),
        "agents[0].stopLoss",
        "must be below 1 (a fraction of the entry mark), was 1.2");
    assertOnly(
        read(t, context(), leveraged("topUp", Map.of("reserve", 100, "below", 2, "target", 1.5))),
        "agents[0].topUp.target",
        "must be finite and above below (2.0), was 1.5");
    assertOnly(
        read(t, context(), leveraged("panic", Map.of("drawdown", 0.2, "reduceFraction", 1.5))),
        "agents[0].panic.reduceFraction",
        "must be in (0, 1], was 1.5");
    assertOnly(
        read(t, context(), leveraged("panic", Map.of("lookbackSteps", 3))),
        "agents[0].panic",
        "needs a drawdown or a liquidations trigger (> 0)");
    assertOnly(
        read(t, context(), leveraged("panic", Map.of("drawdown", 0.2, "speed", 1))),
        "agents[0].panic.speed",
        "unknown field (known: drawdown, liquidations, lookbackSteps, reduceFraction)");
  }

  @Test
  void test_read_signalTraders() {
    Read ok =
        read(
            new SignalTradersType(SignalRule.MOMENTUM),
            context(),
            "id",
            "m",
            "type",
            "momentum-traders",
            "asset",
            "ETH",
            "count",
            3,
            "capital",
            1000,
            "lookback",
            4,
            "threshold",
            0.02);
    assertEquals(
        new SignalTradersSpec(
            "m",
            SignalRule.MOMENTUM,
            ETH,
            3,
            new Distribution.Constant(1000),
            0.5,
            4,
            new Distribution.Constant(0.02),
            0),
        ok.spec());
    assertOnly(
        read(
            new SignalTradersType(SignalRule.NOISE),
            context(),
            "id",
            "n",
            "type",
            "noise-traders",
            "asset",
            "ETH",
            "count",
            3,
            "capital",
            1000,
            "lookback",
            4),
        "agents[0].lookback",
        "unknown field (known: activity, allocation, asset, capital, count, id, type)");
    assertOnly(
        read(
            new SignalTradersType(SignalRule.MEAN_REVERSION),
            context(),
            "id",
            "r",
            "type",
            "mean-reversion-traders",
            "asset",
            "USD",
            "count",
            3,
            "capital",
            1000),
        "agents[0].asset",
        "asset 'USD' must be a spot asset: they trade its shared market");
  }

  @Test
  void test_read_volTargetTradersNeedTheStepLength() {
    Object[] fields = {
      "id",
      "v",
      "type",
      "vol-target-traders",
      "venue",
      "perp",
      "market",
      "ETH",
      "count",
      2,
      "collateral",
      1000,
      "targetVol",
      0.4
    };
    assertOnly(
        read(new VolTargetTradersType(), context(), fields),
        "agents[0]",
        "needs run.stepSeconds to annualise the realised volatility");
    Read ok = read(new VolTargetTradersType(), context().stepSeconds(60), fields);
    // 31,536,000 / 60 = 525,600 steps a year; defaults lambda 0.94, initialVol = targetVol, cap 3,
    // band 0.2.
    assertEquals(
        new VolTargetTradersSpec(
            "v",
            VenueId.of("perp"),
            ETH,
            2,
            new Distribution.Constant(1000),
            0.4,
            0.94,
            0.4,
            3,
            0.2,
            1.0,
            525_600),
        ok.spec());
  }

  @Test
  void test_read_basisTradersCheckBothVenuesAndThresholds() {
    Object[] base = {
      "id",
      "b",
      "type",
      "basis-traders",
      "lendingVenue",
      "lend",
      "perpVenue",
      "perp",
      "asset",
      "ETH",
      "count",
      2,
      "units",
      10,
      "margin",
      3000
    };
    Read ok = read(new BasisTradersType(), context(), base);
    assertEquals(
        new BasisTradersSpec(
            "b",
            VenueId.of("lend"),
            VenueId.of("perp"),
            ETH,
            2,
            new Distribution.Constant(10),
            USD,
            new Distribution.Constant(3000),
            0,
            new Distribution.Constant(0),
            1.5,
            2.0,
            false,
            1.1,
            1.1),
        ok.spec());
    Map<String, Object> swapped = new LinkedHashMap<>();
    for (int i = 0; i < base.length; i += 2) {
      swapped.put((String) base[i], base[i + 1]);
    }
    swapped.put("lendingVenue", "perp");
    assertOnly(
        read(new BasisTradersType(), context(), flatten(swapped)),
        "agents[0].lendingVenue",
        "venue 'perp' is a perpetual venue, not a lending one");
    swapped.put("lendingVenue", "lend");
    swapped.put("unwindPerpHealth", 1.6);
    assertOnly(
        read(new BasisTradersType(), context(), flatten(swapped)),
        "agents[0].unwindPerpHealth",
        "must be in [1, topUpBelow (1.5)), was 1.6");
  }

  private static Object[] flatten(Map<String, Object> m) {
    Object[] out = new Object[m.size() * 2];
    int i = 0;
    for (Map.Entry<String, Object> e : m.entrySet()) {
      out[i++] = e.getKey();
      out[i++] = e.getValue();
    }
    return out;
  }
}
