package org.marginfall.protocols.cdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.asset.AssetKind;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.oracle.StalenessGuard;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.StalenessGuardReader;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.spec.VenueType;
import org.marginfall.core.venue.VenueId;

/**
 * Reads {@code type: cdp} venues from scenario files.
 *
 * <p>Every ilk parameter may be set on the venue, as the default of every ilk, and overridden on an
 * ilk entry; an ilk may be given as just its asset id. Defaults are the Liquidations 2.0 values of
 * YFI-A/LINK-A and ETH-A (MakerDAO forum; docs/sources.md, MakerDAO). Stateless and thread-safe.
 */
public final class CdpVenueType implements VenueType {

  /** One ilk parameter: its default, its rule and the rule's wording. */
  private record Param(String name, double defaultValue, DoublePredicate valid, String rule) {}

  /** Parameters in the order of {@link CdpIlk}'s components after the asset. */
  private static final List<Param> PARAMS =
      List.of(
          new Param("mat", 1.45, x -> x >= 1, "must be at least 1"),
          new Param("stabilityFee", 0, x -> x >= 0 && x < 1, "must be in [0, 1)"),
          new Param("dust", 0, x -> x >= 0, "must be >= 0"),
          new Param("chop", 1.13, x -> x >= 1, "must be at least 1"),
          new Param("hole", 5.0e6, x -> x > 0, "must be > 0"),
          new Param("buf", 1.30, x -> x > 0, "must be > 0"),
          new Param("tail", 8400, x -> x > 0, "must be > 0"),
          new Param("cusp", 0.40, x -> x > 0 && x < 1, "must be in (0, 1)"),
          new Param("chip", 0.001, x -> x >= 0 && x <= 1, "must be in [0, 1]"),
          new Param("tip", 0, x -> x >= 0, "must be >= 0"));

  private static final Abacus DEFAULT_ABACUS = new Abacus.StairstepExponentialDecrease(90, 0.99);

  @Override
  public String name() {
    return CdpVenueSpec.TYPE;
  }

  @Override
  public VenueSpec read(SpecNode node, SpecContext context) {
    Problems.Mark mark = node.mark();
    List<String> fields =
        new ArrayList<>(
            List.of(
                "id",
                "type",
                "oracle",
                "stepSeconds",
                "globalHole",
                "surplusBuffer",
                "ilks",
                "abacus",
                "maxOracleAgeSteps",
                "onStale",
                "flip",
                "flop"));
    PARAMS.forEach(p -> fields.add(p.name()));
    node.allowOnly(fields.toArray(String[]::new));
    String id = node.id("id");
    OracleId oracle = context.oracleRef(node, "oracle");
    double stepSeconds = context.stepSecondsOf(node);
    double globalHole = node.positive("globalHole", 1.0e8);
    double surplus = node.nonNegative("surplusBuffer", 0);
    Map<String, Double> defaults = new LinkedHashMap<>();
    boolean defaultsValid = true;
    for (Param p : PARAMS) {
      Double v = param(node, p, p.defaultValue());
      defaultsValid &= v != null;
      defaults.put(p.name(), v == null ? p.defaultValue() : v);
    }
    Abacus defaultAbacus = node.has("abacus") ? readAbacus(node.get("abacus")) : DEFAULT_ABACUS;
    defaultsValid &= defaultAbacus != null;
    List<CdpIlk> ilks = new ArrayList<>();
    Set<AssetId> seen = new HashSet<>();
    for (SpecNode i : node.list("ilks")) {
      CdpIlk ilk = readIlk(i, context, defaults, defaultAbacus, defaultsValid);
      if (ilk != null && !seen.add(ilk.asset())) {
        i.fail("collateral type " + ilk.asset() + " is listed twice");
      } else if (ilk != null) {
        ilks.add(ilk);
      }
    }
    StalenessGuard staleness = StalenessGuardReader.read(node);
    FlipTerms flip = node.has("flip") ? readFlip(node.get("flip")) : null;
    FlopTerms flop = node.has("flop") ? readFlop(node.get("flop"), context) : null;
    if (flop != null && seen.contains(flop.gem())) {
      node.get("flop").get("gem").fail("asset " + flop.gem() + " is also a collateral type");
    }
    if (mark.failed()) {
      return null;
    }
    return node.build(
        () ->
            new CdpVenueSpec(
                VenueId.of(id),
                oracle,
                stepSeconds,
                globalHole,
                surplus,
                ilks,
                staleness,
                flip,
                flop));
  }

  /**
   * Reads {@code flip: {beg, ttl, tau, lump}}: Liquidations 1.0 English auctions instead of the
   * Clipper. Every field is required, as no default would be true of every flipper.
   */
  private static FlipTerms readFlip(SpecNode n) {
    Problems.Mark mark = n.mark();
    if (!n.requireObject()) {
      return null;
    }
    n.allowOnly("beg", "ttl", "tau", "lump");
    Problems.Mark begs = n.mark();
    double beg = n.number("beg");
    if (begs.clean() && !(beg > 1)) {
      n.get("beg").fail("must be above 1 (e.g. 1.03 for a 3% minimum bid increase), was " + beg);
    }
    double ttl = n.positive("ttl");
    double tau = n.positive("tau");
    double lump = n.positive("lump");
    return mark.failed() ? null : n.build(() -> new FlipTerms(beg, ttl, tau, lump));
  }

  /**
   * Reads {@code flop: {gem, sump, dump, beg, pad, ttl, tau}}: debt auctions that mint {@code gem}
   * to cover what the Vow's surplus cannot heal. Every field is required, as for {@code flip}.
   */
  private static FlopTerms readFlop(SpecNode n, SpecContext context) {
    Problems.Mark mark = n.mark();
    if (!n.requireObject()) {
      return null;
    }
    n.allowOnly("gem", "sump", "dump", "beg", "pad", "ttl", "tau");
    AssetId gem = context.assetRef(n, "gem");
    if (gem != null && context.asset(gem).map(a -> a.kind() == AssetKind.BASE).orElse(false)) {
      n.get("gem").fail("must not be the base currency, which the auctions raise");
    }
    double sump = n.positive("sump");
    double dump = n.positive("dump");
    Problems.Mark begs = n.mark();
    double beg = n.number("beg");
    if (begs.clean() && !(beg > 1)) {
      n.get("beg").fail("must be above 1 (e.g. 1.03 for a 3% minimum lot decrease), was " + beg);
    }
    Problems.Mark pads = n.mark();
    double pad = n.number("pad");
    if (pads.clean() && !(pad >= 1)) {
      n.get("pad")
          .fail("must be at least 1 (e.g. 1.2 for a 20% larger lot on restart), was " + pad);
    }
    double ttl = n.positive("ttl");
    double tau = n.positive("tau");
    return mark.failed() ? null : n.build(() -> new FlopTerms(gem, sump, dump, beg, pad, ttl, tau));
  }

  /**
   * Reads one parameter if present; returns the value, the fallback when absent, null when invalid.
   */
  private static Double param(SpecNode node, Param p, double fallback) {
    if (!node.has(p.name())) {
      return fallback;
    }
    Problems.Mark mark = node.mark();
    double v = node.number(p.name());
    if (mark.failed()) {
      return null;
    }
    if (!p.valid().test(v)) {
      node.get(p.name()).fail(p.rule() + ", was " + v);
      return null;
    }
    return v;
  }

  /**
   * Reads one ilk entry. An ilk that inherits from venue-level values already reported invalid is
   * not built, so one mistake is reported once, at the venue's field.
   */
  private static CdpIlk readIlk(
      SpecNode i,
      SpecContext context,
      Map<String, Double> defaults,
      Abacus defaultAbacus,
      boolean defaultsValid) {
    Problems.Mark mark = i.mark();
    AssetId asset;
    double[] values = new double[PARAMS.size()];
    Abacus abacus = defaultAbacus;
    if (i.isObject()) {
      List<String> fields = new ArrayList<>(List.of("asset", "abacus"));
      PARAMS.forEach(p -> fields.add(p.name()));
      i.allowOnly(fields.toArray(String[]::new));
      asset = context.assetRef(i, "asset");
      for (int k = 0; k < PARAMS.size(); k++) {
        Param p = PARAMS.get(k);
        Double v = param(i, p, defaults.get(p.name()));
        values[k] = v == null ? Double.NaN : v;
      }
      if (i.has("abacus")) {
        abacus = readAbacus(i.get("abacus"));
      }
    } else {
      asset = context.assetRef(i);
      for (int k = 0; k < PARAMS.size(); k++) {
        values[k] = defaults.get(PARAMS.get(k).name());
      }
    }
    if (asset != null && context.asset(asset).map(a -> a.kind() != AssetKind.SPOT).orElse(false)) {
      i.fail("collateral asset " + asset + " must be a spot asset with a price process");
    }
    if (mark.failed() || !defaultsValid || abacus == null) {
      return null;
    }
    Abacus a = abacus;
    return i.build(
        () ->
            new CdpIlk(
                asset, values[0], values[1], values[2], values[3], values[4], values[5], values[6],
                values[7], values[8], values[9], a));
  }

  /**
   * The abacus kinds by {@code type}, each reading its own fields from the {@code abacus} node:
   * {@code {type: linear, tau}}, {@code {type: stairstep-exponential, step, cut}} or {@code {type:
   * exponential, cut}}.
   */
  private static final Map<String, Function<SpecNode, Abacus>> ABACI =
      Map.of(
          "linear",
          n -> {
            Problems.Mark mark = n.mark();
            n.allowOnly("type", "tau");
            double tau = n.positive("tau");
            return mark.failed() ? null : n.build(() -> new Abacus.LinearDecrease(tau));
          },
          "stairstep-exponential",
          n -> {
            Problems.Mark mark = n.mark();
            n.allowOnly("type", "step", "cut");
            double step = n.positive("step");
            double cut = cut(n);
            return mark.failed()
                ? null
                : n.build(() -> new Abacus.StairstepExponentialDecrease(step, cut));
          },
          "exponential",
          n -> {
            Problems.Mark mark = n.mark();
            n.allowOnly("type", "cut");
            double cut = cut(n);
            return mark.failed() ? null : n.build(() -> new Abacus.ExponentialDecrease(cut));
          });

  private static Abacus readAbacus(SpecNode n) {
    if (!n.requireObject()) {
      return null;
    }
    Function<SpecNode, Abacus> kind = n.choice("type", "abacus", ABACI);
    return kind == null ? null : kind.apply(n);
  }

  private static double cut(SpecNode n) {
    Problems.Mark mark = n.mark();
    double cut = n.number("cut");
    if (mark.clean() && !(cut > 0 && cut <= 1)) {
      n.get("cut").fail("must be in (0, 1], was " + cut);
    }
    return cut;
  }
}
