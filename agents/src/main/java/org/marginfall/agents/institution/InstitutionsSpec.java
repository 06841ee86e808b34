package org.marginfall.agents.institution;

import java.util.List;
import java.util.Objects;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.PopulationSpec;
import org.marginfall.core.util.Checks;

/**
 * A population of institutions with balance sheets (docs/agents.md, type {@code institutions}):
 * external illiquid assets, interbank claims on a random directed network, shares of common
 * marketable assets on a random bipartite graph, and equity; an institution fails when its losses
 * exceed its equity, and sells what it holds into the shared markets.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the population id
 * @param count number of institutions
 * @param externalAssets each institution's external (illiquid, non-traded) assets, base currency
 * @param interbankAssets each institution's interbank claims, spread evenly over its debtors (0 for
 *     an institution that has none)
 * @param capital each institution's equity at set-up, base currency; NaN when {@code leverage} sets
 *     it
 * @param leverage total assets over equity at set-up; NaN when {@code capital} sets the equity
 * @param recovery the share of a claim on a failed debtor that its creditors still recover, in [0,
 *     1]
 * @param averageDegree the interbank network's average degree z (Erdős–Rényi, directed); 0: none
 * @param portfolio the common marketable assets, null for none
 * @param shock which institutions fail at the start of the cascade
 * @param deleveragingRounds rounds per tick in which surviving institutions sell to restore their
 *     set-up leverage (Greenwood, Landier and Thesmar 2015); 0: they only sell when they fail
 * @param contagionThreshold the share of institutions whose failure counts as contagion, in (0, 1]
 */
public record InstitutionsSpec(
    String id,
    int count,
    double externalAssets,
    double interbankAssets,
    double capital,
    double leverage,
    double recovery,
    double averageDegree,
    Portfolio portfolio,
    Shock shock,
    int deleveragingRounds,
    double contagionThreshold)
    implements PopulationSpec {

  /** The registry name. */
  public static final String TYPE = "institutions";

  /** The metrics every institutions population reports in summary.json. */
  public static final List<String> METRICS =
      List.of(
          "institutions",
          "defaults",
          "defaultedShare",
          "contagion",
          "extent",
          "fireSaleNotional",
          "deleveragingNotional",
          "equityLost");

  /**
   * The common marketable assets.
   *
   * @param assets the spot assets held, each with a shared market
   * @param perInstitution the average number of assets an institution holds (each pair of an
   *     institution and an asset is linked with probability {@code perInstitution / assets.size()})
   * @param supply units of each asset held in all, split equally among its holders
   * @param holdings explicit units of each asset (columns in {@code assets} order) per institution
   *     (rows), instead of the random graph (then {@code perInstitution} and {@code supply} are
   *     NaN); null when drawn
   */
  public record Portfolio(
      List<AssetId> assets, double perInstitution, double supply, List<List<Double>> holdings) {
    /** Validates the fields. */
    public Portfolio {
      assets = List.copyOf(assets);
      if (assets.isEmpty()) {
        throw new IllegalArgumentException("assets: must name at least one asset");
      }
      if (holdings != null) {
        holdings = holdings.stream().map(List::copyOf).toList();
        for (List<Double> row : holdings) {
          if (row.size() != assets.size() || row.stream().anyMatch(u -> !(u >= 0))) {
            throw new IllegalArgumentException(
                "holdings: each row must give units >= 0 of every asset");
          }
        }
      } else {
        if (!(perInstitution > 0 && perInstitution <= assets.size())) {
          throw new IllegalArgumentException(
              "perInstitution: must be in (0, "
                  + assets.size()
                  + "] (the number of assets), was "
                  + perInstitution);
        }
        Checks.positive(supply, "supply");
      }
    }
  }

  /**
   * The initial shock: at tick {@code step}, {@code institutions} institutions drawn uniformly at
   * random lose all their external assets and fail (Gai and Kapadia 2010).
   *
   * @param step the tick of the shock (>= 1)
   * @param institutions how many fail (0: none; prices alone, from the scenario's shocks, hit them)
   */
  public record Shock(long step, int institutions) {
    /** Validates the fields. */
    public Shock {
      if (step < 1) {
        throw new IllegalArgumentException("step: must be >= 1, was " + step);
      }
      if (institutions < 0) {
        throw new IllegalArgumentException("institutions: must be >= 0, was " + institutions);
      }
    }
  }

  /** Validates the fields. */
  public InstitutionsSpec {
    Checks.id(id, "id");
    Checks.positive(count, "count");
    Objects.requireNonNull(shock, "shock");
    if (!(externalAssets >= 0) || !(interbankAssets >= 0)) {
      throw new IllegalArgumentException("externalAssets: balance-sheet amounts must be >= 0");
    }
    if (Double.isNaN(capital) == Double.isNaN(leverage)) {
      throw new IllegalArgumentException("capital: give exactly one of capital and leverage");
    }
    if (!Double.isNaN(capital) && !(capital > 0)) {
      throw new IllegalArgumentException("capital: must be > 0, was " + capital);
    }
    if (!Double.isNaN(leverage) && !(leverage > 1)) {
      throw new IllegalArgumentException("leverage: must be > 1, was " + leverage);
    }
    if (!(recovery >= 0 && recovery <= 1)) {
      throw new IllegalArgumentException("recovery: must be in [0, 1], was " + recovery);
    }
    if (!(averageDegree >= 0 && averageDegree <= Math.max(0, count - 1))) {
      throw new IllegalArgumentException(
          "network.averageDegree: must be in [0, count - 1 = "
              + (count - 1)
              + "], was "
              + averageDegree);
    }
    if (averageDegree > 0 && !(interbankAssets > 0)) {
      throw new IllegalArgumentException("interbankAssets: a network needs interbank assets > 0");
    }
    if (shock.institutions() > count) {
      throw new IllegalArgumentException(
          "shock.institutions: must be at most count (" + count + ")");
    }
    if (portfolio != null && portfolio.holdings() != null && portfolio.holdings().size() != count) {
      throw new IllegalArgumentException(
          "portfolio.holdings: must have one row per institution (" + count + ")");
    }
    if (deleveragingRounds < 0) {
      throw new IllegalArgumentException(
          "deleveragingRounds: must be >= 0, was " + deleveragingRounds);
    }
    if (deleveragingRounds > 0 && portfolio == null) {
      throw new IllegalArgumentException(
          "deleveraging: needs a portfolio of marketable assets to sell");
    }
    if (!(contagionThreshold > 0 && contagionThreshold <= 1)) {
      throw new IllegalArgumentException(
          "contagionThreshold: must be in (0, 1], was " + contagionThreshold);
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Population resolve(RandomStreams streams) {
    return new Institutions(this, BalanceSheets.generate(this, streams));
  }

  @Override
  public List<String> metricNames() {
    return METRICS;
  }
}
