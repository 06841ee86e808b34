package org.marginfall.experiments.internal.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.Asset;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.event.Attributable;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.metric.RunListener;
import org.marginfall.core.metric.RunSummary;
import org.marginfall.core.metric.SummaryCollector;
import org.marginfall.experiments.internal.scenario.Catalog;
import org.marginfall.experiments.internal.scenario.Scenario;
import org.marginfall.experiments.internal.scenario.ScenarioReader;

/**
 * The consistency check of docs/contagion.md ("Induced share against the twins"): for every bundled
 * example, the attribution's induced liquidations against the owners the twins liquidate only in
 * the base run ("only because of sharing").
 *
 * <p>Like for like, the attribution's figure is counted by owner, as the twins count: an owner is
 * induced when every liquidation event it had is induced, and its liquidated notional over all
 * liquidated notional is the owner-level induced share. The reference is the twin that removes the
 * most: the largest only-in-base notional share among the no-impact twin and (for examples with
 * several venues) every no-channel twin. Tolerances, with why:
 *
 * <ul>
 *   <li>every example: the shares within {@value #SHARE_TOLERANCE} of each other. The twin is
 *       another world with the same exogenous draws, not a replay: agents react to the path they
 *       see (liquidators' capital, a CDP's limits on what it barks at once), so an account the
 *       exogenous path makes liquidatable may still escape liquidation in the twin, and the
 *       reverse;
 *   <li>examples whose mechanism is ordinary trading (a depositor run's receipt sales, a price
 *       manipulator's trades): only {@code induced <= reference + tolerance}. Their impact is not a
 *       liquidation's, so the attribution counts it as part of the exogenous move, while the
 *       no-impact twin removes it;
 *   <li>examples where one twin removes all the sharing (every contagion is liquidation impact in a
 *       shared market, and the no-impact twin removes exactly that; other trading there, such as an
 *       arbitrageur's buying or a vol-targeter's selling, never crosses a threshold on its own):
 *       per venue, the induced owners within max({@value #COUNT_SLACK}, {@value #COUNT_TOLERANCE}
 *       of the twin's count) of the twin's only-in-base owners;
 *   <li>examples where several channels share at once (collateral pools, transfers and the market
 *       together): each no-channel twin closes one, and the others still liquidate part of the same
 *       owners, so the reference is the owners any one twin saves (liquidated in the base run and
 *       not in that twin), their base-run notional over all liquidated notional;
 *   <li>examples without venues (institutions on a network, whose defaults are not venue
 *       liquidations): attribution does not apply, so the check is that it really has nothing to
 *       attribute: no venue, no liquidation, no attributed event, and at least one institution
 *       default (the contagion the example is about happened, outside any venue).
 * </ul>
 */
class AttributionConsistencyTest {

  static final double SHARE_TOLERANCE = 0.05;
  static final long COUNT_SLACK = 2;
  static final double COUNT_TOLERANCE = 0.10;

  /**
   * How each bundled example is checked (a new example must be added here, so the table stays
   * complete).
   */
  enum Check {
    ONE_TWIN,
    SHARE,
    SEVERAL_CHANNELS,
    ORDINARY_TRADING,
    NO_LIQUIDATIONS
  }

  static final Map<String, Check> EXAMPLES =
      Map.ofEntries(
          Map.entry("basis-unwind", Check.ONE_TWIN),
          Map.entry("caccioli", Check.NO_LIQUIDATIONS),
          Map.entry("cdp-auction", Check.SHARE),
          Map.entry("crisis-black-thursday", Check.ONE_TWIN),
          Map.entry("crisis-luna-ust", Check.ONE_TWIN),
          Map.entry(
              "crisis-oct-2025",
              Check.SHARE), // the HLP backstop's unwind sales are trading, not liquidation impact
          Map.entry("crisis-mango", Check.ORDINARY_TRADING),
          Map.entry("depositor-run", Check.ORDINARY_TRADING),
          Map.entry("flash-crash", Check.ONE_TWIN),
          Map.entry("gai-kapadia", Check.NO_LIQUIDATIONS),
          Map.entry("lending-crash", Check.ONE_TWIN),
          Map.entry("liquidator-capacity", Check.ONE_TWIN),
          Map.entry("mark-arbitrage", Check.ONE_TWIN),
          Map.entry("market-maker-withdrawal", Check.ONE_TWIN),
          Map.entry("oracle-failures", Check.ONE_TWIN),
          Map.entry("oracle-floor", Check.ONE_TWIN),
          Map.entry("oracle-manipulation", Check.ORDINARY_TRADING),
          Map.entry("panic-herding", Check.ONE_TWIN),
          Map.entry("perp-backstop-adl", Check.ONE_TWIN),
          Map.entry("receipt-arbitrage", Check.ONE_TWIN),
          Map.entry("replay-black-thursday", Check.ONE_TWIN),
          Map.entry("shared-collateral-contagion", Check.SEVERAL_CHANNELS),
          Map.entry("signal-traders", Check.ONE_TWIN),
          Map.entry("snapshot-three-venues", Check.SHARE),
          Map.entry("three-venue-crash", Check.SHARE),
          Map.entry("vol-target-deleveraging", Check.ONE_TWIN));

  static final List<String> CHANNEL_TWINS =
      List.of(
          "no-channel:commonMarket",
          "no-channel:derivedCollateral",
          "no-channel:sharedPool",
          "no-channel:collateralTransfer",
          "no-channel:commonOracle");

  /** One run: its summary, owners and which owners' liquidations were all induced. */
  record Run(
      RunSummary summary, AccountOutcomes owners, Map<String, Map<String, Boolean>> induced) {

    static Run of(Scenario s) {
      Set<String> assets =
          s.model().assets().stream()
              .map(Asset::id)
              .map(Object::toString)
              .collect(Collectors.toSet());
      SummaryCollector summary = new SummaryCollector();
      AccountOutcomes owners = new AccountOutcomes(assets);
      Map<String, Map<String, Boolean>> induced = new TreeMap<>();
      RunListener causes =
          new RunListener() {
            @Override
            public void onEvent(SimEvent e) {
              if (e instanceof Attributable a && !a.badDebtEvent() && a.cause() != null) {
                String owner = AccountOutcomes.owner(a.venue(), a.attributedAccount(), assets);
                induced
                    .computeIfAbsent(a.venue(), v -> new TreeMap<>())
                    .merge(owner, a.cause().induced(), Boolean::logicalAnd);
              }
            }
          };
      Simulation.Outcome o =
          Simulation.run(
              s.model(), s.model().settings().seed(), 0, false, List.of(summary, owners, causes));
      return new Run(summary.summary(false, o.auditedSteps()), owners, induced);
    }

    long inducedOwners(String venue) {
      return induced.getOrDefault(venue, Map.of()).values().stream().filter(b -> b).count();
    }

    double inducedNotional() {
      double n = 0;
      for (Map.Entry<String, Map<String, Boolean>> v : induced.entrySet()) {
        for (Map.Entry<String, Boolean> o : v.getValue().entrySet()) {
          if (o.getValue()) {
            n += owners.owners(v.getKey()).get(o.getKey()).notional();
          }
        }
      }
      return n;
    }
  }

  @Test
  void test_everyExample_inducedLiquidationsAgreeWithTheTwins() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of("..", "examples"))) {
      files =
          s.filter(
                  p ->
                      p.toString().endsWith(".yaml")
                          && !p.getFileName().toString().startsWith("sweep-"))
              .sorted()
              .toList();
    }
    ScenarioReader reader = new ScenarioReader(Catalog.standard());
    TwinScenarios twins = new TwinScenarios(Catalog.standard());
    assertEquals(
        EXAMPLES.keySet(),
        files.stream()
            .map(f -> f.getFileName().toString().replace(".yaml", ""))
            .collect(Collectors.toSet()),
        "every bundled example is checked");
    List<String> failures = new ArrayList<>();
    for (Path f : files) {
      String name = f.getFileName().toString().replace(".yaml", "");
      Scenario base = reader.read(f);
      Run b = Run.of(base);
      double total = b.summary().totals().liquidatedNotional();
      List<String> names = new ArrayList<>(List.of("no-impact"));
      if (b.summary().venues().size() > 1) {
        names.addAll(CHANNEL_TWINS);
      }
      double reference = 0;
      String referenceTwin = "none";
      TwinComparison noImpact = null;
      StringBuilder line = new StringBuilder();
      Map<String, Set<String>> savedByAny = new TreeMap<>();
      for (String t : names) {
        Twin twin = Twin.parse(t);
        Run r = Run.of(twins.scenario(twin, base));
        addSaved(b, r, savedByAny);
        TwinComparison c =
            TwinComparison.of(twin, b.summary(), b.owners(), r.summary(), r.owners());
        noImpact = noImpact == null ? c : noImpact;
        double share = total > 0 ? row(c, TwinComparison.TOTAL).onlyInBaseNotional() / total : 0;
        line.append(String.format(Locale.ROOT, " | %s %.3f %s", t, share, counts(c)));
        if (share > reference) {
          reference = share;
          referenceTwin = t;
        }
      }
      double induced = total > 0 ? b.inducedNotional() / total : 0;
      if (check(name) == Check.SEVERAL_CHANNELS) {
        reference = total > 0 ? notional(b, savedByAny) / total : 0;
        referenceTwin = "any twin";
        line.append(" | any twin by venue ")
            .append(
                b.summary().venues().keySet().stream()
                    .map(v -> v + "=" + savedByAny.getOrDefault(v, Set.of()).size())
                    .toList());
      }
      Double eventShare = b.summary().contagion().inducedShare();
      System.out.println(
          String.format(
              Locale.ROOT,
              "consistency %s: induced share %.3f, by owner %.3f %s; reference %s %.3f%s",
              name,
              eventShare == null ? 0 : eventShare,
              induced,
              inducedCounts(b),
              referenceTwin,
              reference,
              line));
      Check check = EXAMPLES.get(name);
      if (check == Check.NO_LIQUIDATIONS) {
        noLiquidations(name, b).ifPresent(failures::add);
        continue;
      }
      boolean shareOk =
          check == Check.ORDINARY_TRADING
              ? induced <= reference + SHARE_TOLERANCE
              : Math.abs(induced - reference) <= SHARE_TOLERANCE;
      if (!shareOk) {
        failures.add(
            name
                + ": induced share by owner "
                + induced
                + " against "
                + referenceTwin
                + " "
                + reference);
      }
      if (check == Check.ONE_TWIN) {
        for (TwinComparison.Row row : noImpact.rows()) {
          if (row.venue().equals(TwinComparison.TOTAL)) {
            continue;
          }
          long mine = b.inducedOwners(row.venue());
          long limit = Math.max(COUNT_SLACK, Math.round(COUNT_TOLERANCE * row.onlyInBase()));
          if (Math.abs(mine - row.onlyInBase()) > limit) {
            failures.add(
                name
                    + " "
                    + row.venue()
                    + ": "
                    + mine
                    + " induced owners against "
                    + row.onlyInBase()
                    + " liquidated only without the no-impact twin");
          }
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  /** Why an example classified as having no venue liquidations is not one, if it is not. */
  private static Optional<String> noLiquidations(String name, Run b) {
    double defaults =
        b.summary().populations().values().stream()
            .map(m -> m.get("defaults"))
            .filter(d -> d != null)
            .mapToDouble(Double::doubleValue)
            .sum();
    if (!b.summary().venues().isEmpty()
        || b.summary().totals().liquidations() != 0
        || !b.induced().isEmpty()) {
      return Optional.of(
          name
              + ": classified NO_LIQUIDATIONS but has venues "
              + b.summary().venues().keySet()
              + ", "
              + b.summary().totals().liquidations()
              + " liquidations, attributed events on "
              + b.induced().keySet());
    }
    if (defaults < 1) {
      return Optional.of(name + ": classified NO_LIQUIDATIONS but no institution defaulted");
    }
    return Optional.empty();
  }

  private static Check check(String name) {
    return EXAMPLES.get(name);
  }

  /**
   * Adds to {@code saved}, by venue, the owners liquidated in the base run {@code b} and not in the
   * twin {@code r}.
   */
  private static void addSaved(Run b, Run r, Map<String, Set<String>> saved) {
    for (String venue : b.summary().venues().keySet()) {
      Map<String, AccountOutcomes.Outcome> twin = r.owners().owners(venue);
      b.owners()
          .owners(venue)
          .forEach(
              (owner, o) -> {
                AccountOutcomes.Outcome t = twin.get(owner);
                if (o.liquidated() && (t == null || !t.liquidated())) {
                  saved.computeIfAbsent(venue, v -> new TreeSet<>()).add(owner);
                }
              });
    }
  }

  /** The base run's liquidated notional of the owners in {@code saved}. */
  private static double notional(Run b, Map<String, Set<String>> saved) {
    double n = 0;
    for (Map.Entry<String, Set<String>> v : saved.entrySet()) {
      for (String owner : v.getValue()) {
        n += b.owners().owners(v.getKey()).get(owner).notional();
      }
    }
    return n;
  }

  private static TwinComparison.Row row(TwinComparison c, String venue) {
    return c.rows().stream().filter(r -> r.venue().equals(venue)).findFirst().orElseThrow();
  }

  private static String counts(TwinComparison c) {
    return c.rows().stream()
        .filter(r -> !r.venue().equals(TwinComparison.TOTAL))
        .map(r -> r.venue() + "=" + r.onlyInBase())
        .toList()
        .toString();
  }

  private static String inducedCounts(Run b) {
    return b.summary().venues().keySet().stream()
        .map(v -> v + "=" + b.inducedOwners(v))
        .toList()
        .toString();
  }
}
