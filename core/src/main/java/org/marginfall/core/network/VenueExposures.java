package org.marginfall.core.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Ledger;

/**
 * The venue exposure network of one moment of a run, measured from the ledger (docs/contagion.md,
 * "Exposure network from a run").
 *
 * <p>A venue's accounts are the ledger accounts whose first path segment is its id (venues name
 * every account they open {@code <venue>/...}); agents' own wallets are not part of any venue. A
 * venue's <em>holdings</em> of an asset are the positive balances of its accounts (external issuer
 * and bad-debt accounts are negative and so never count). Its <em>capital</em> is the value of its
 * loss-absorbing buffer accounts {@code <venue>/insurance} (perpetual insurance fund), {@code
 * <venue>/backstop} (perpetual backstop vault), {@code <venue>/treasury} (lending treasury) and
 * {@code <venue>/vow} (CDP surplus buffer), the names the bundled venue families use.
 *
 * <p>Two kinds of edges: a <em>claim</em> of holder U on issuer V is the value of V's derived
 * assets ({@link ExposedVenue#issuedAssets()}: receipts, vault shares) held in U's accounts, so a
 * loss at V marks U down; a <em>common asset</em> edge joins two venues that both accept a spot
 * asset as collateral and both hold it, weighted by the smaller of the two holdings' values (what a
 * fire sale by either can mark down at the other, at most). Values are at the prices given,
 * normally the final market prices and NAVs.
 *
 * <p>Immutable and thread-safe.
 *
 * @param nodes one per venue, in scenario order
 * @param claims holder-on-issuer edges, ordered by holder, then issuer (scenario order), then asset
 * @param commonAssets common-asset edges, ordered by the pair (scenario order) and then the asset
 */
public record VenueExposures(List<Node> nodes, List<Claim> claims, List<CommonAsset> commonAssets) {

  /** The second path segment of the buffer accounts counted as a venue's capital. */
  public static final List<String> CAPITAL_ACCOUNTS =
      List.of("insurance", "backstop", "treasury", "vow");

  /** Copies the lists and checks that every edge names known venues. */
  public VenueExposures {
    nodes = List.copyOf(nodes);
    claims = List.copyOf(claims);
    commonAssets = List.copyOf(commonAssets);
    Set<String> ids = new LinkedHashSet<>();
    for (Node n : nodes) {
      if (!ids.add(n.venue())) {
        throw new IllegalArgumentException("duplicate venue " + n.venue());
      }
    }
    for (Claim c : claims) {
      requireKnown(ids, c.holder());
      requireKnown(ids, c.issuer());
    }
    for (CommonAsset c : commonAssets) {
      requireKnown(ids, c.first());
      requireKnown(ids, c.second());
    }
  }

  /**
   * A venue: its loss-absorbing capital and the value of everything its accounts hold.
   *
   * @param venue the venue id
   * @param capital value of its buffer accounts ({@link #CAPITAL_ACCOUNTS}), >= 0
   * @param holdings value of all its accounts' positive balances (including the capital), >= 0
   */
  public record Node(String venue, double capital, double holdings) {
    /** Validates the fields. */
    public Node {
      Objects.requireNonNull(venue, "venue");
      requireValue("capital", capital);
      requireValue("holdings", holdings);
      if (capital > holdings) {
        throw new IllegalArgumentException(
            venue + ": capital " + capital + " exceeds holdings " + holdings);
      }
    }
  }

  /**
   * Holder U's accounts hold {@code asset}, a derived asset issued by V.
   *
   * @param holder U
   * @param issuer V, not U
   * @param asset the derived asset
   * @param units units held
   * @param value units times the asset's price (the issuer's NAV per unit), > 0
   */
  public record Claim(String holder, String issuer, String asset, double units, double value) {
    /** Validates the fields. */
    public Claim {
      Objects.requireNonNull(holder, "holder");
      Objects.requireNonNull(issuer, "issuer");
      Objects.requireNonNull(asset, "asset");
      if (holder.equals(issuer)) {
        throw new IllegalArgumentException("a venue has no claim on itself: " + holder);
      }
      requireValue("units", units);
      requireValue("value", value);
    }
  }

  /**
   * Both venues accept the spot {@code asset} as collateral and both hold some.
   *
   * @param first the venue earlier in scenario order
   * @param second the later one
   * @param asset the spot asset
   * @param firstValue value of the first venue's holdings of it
   * @param secondValue value of the second venue's holdings of it
   * @param value the edge weight, {@code min(firstValue, secondValue)}
   */
  public record CommonAsset(
      String first,
      String second,
      String asset,
      double firstValue,
      double secondValue,
      double value) {
    /** Validates the fields. */
    public CommonAsset {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(second, "second");
      Objects.requireNonNull(asset, "asset");
      requireValue("firstValue", firstValue);
      requireValue("secondValue", secondValue);
      if (value != Math.min(firstValue, secondValue)) {
        throw new IllegalArgumentException("value must be the smaller holding, was " + value);
      }
    }
  }

  /**
   * Measures the network from the ledger's current balances.
   *
   * @param ledger the run's ledger
   * @param venues the venues' specs, in scenario order (who accepts and who issues what)
   * @param spotAssets the assets with an exogenous price (common-asset edges are drawn for these)
   * @param price the price of any ledger asset in base currency (finite, >= 0)
   */
  public static VenueExposures measure(
      Ledger ledger,
      List<? extends ExposedVenue> venues,
      Set<AssetId> spotAssets,
      ToDoubleFunction<AssetId> price) {
    Map<String, List<AccountId>> accounts = new LinkedHashMap<>();
    Map<AssetId, String> issuers = new LinkedHashMap<>();
    for (ExposedVenue v : venues) {
      accounts.put(v.id().value(), new ArrayList<>());
      for (AssetId a : v.issuedAssets()) {
        issuers.put(a, v.id().value());
      }
    }
    for (AccountId id : ledger.accounts()) {
      String first = id.value().split("/", 2)[0];
      List<AccountId> own = accounts.get(first);
      if (own != null) {
        own.add(id);
      }
    }
    List<AssetId> assets = ledger.assets();
    Map<AssetId, Double> prices = new LinkedHashMap<>();
    for (AssetId a : assets) {
      double p = price.applyAsDouble(a);
      if (!(Double.isFinite(p) && p >= 0)) {
        throw new IllegalStateException("price of " + a + " must be finite and >= 0, was " + p);
      }
      prices.put(a, p);
    }
    // atoms[v][a]: the positive balances of v's accounts, summed in atoms so the sum is exact.
    Map<String, Map<AssetId, Long>> atoms = new LinkedHashMap<>();
    List<Node> nodes = new ArrayList<>();
    for (ExposedVenue v : venues) {
      String id = v.id().value();
      Map<AssetId, Long> held = new LinkedHashMap<>();
      double capital = 0;
      for (AssetId a : assets) {
        long sum = 0;
        for (AccountId account : accounts.get(id)) {
          long b = ledger.balance(account, a);
          if (b > 0) {
            sum = Math.addExact(sum, b);
            if (isCapital(id, account)) {
              capital += ledger.precision(a).units(b) * prices.get(a);
            }
          }
        }
        held.put(a, sum);
      }
      atoms.put(id, held);
      double holdings = 0;
      for (AssetId a : assets) {
        holdings += ledger.precision(a).units(held.get(a)) * prices.get(a);
      }
      // Rounding in the two sums may not put the capital above the holdings it is part of.
      nodes.add(new Node(id, Math.min(capital, holdings), holdings));
    }
    List<Claim> claims = new ArrayList<>();
    for (ExposedVenue holder : venues) {
      String u = holder.id().value();
      for (ExposedVenue issuer : venues) {
        String v = issuer.id().value();
        if (u.equals(v)) {
          continue;
        }
        for (AssetId a : assets) {
          long held = atoms.get(u).get(a);
          if (v.equals(issuers.get(a)) && held > 0 && prices.get(a) > 0) {
            double units = ledger.precision(a).units(held);
            claims.add(new Claim(u, v, a.value(), units, units * prices.get(a)));
          }
        }
      }
    }
    List<CommonAsset> common = new ArrayList<>();
    for (int i = 0; i < venues.size(); i++) {
      for (int j = i + 1; j < venues.size(); j++) {
        ExposedVenue x = venues.get(i);
        ExposedVenue y = venues.get(j);
        for (AssetId a : assets) {
          if (!spotAssets.contains(a)
              || !x.collateralAssets().contains(a)
              || !y.collateralAssets().contains(a)) {
            continue;
          }
          double fx = ledger.precision(a).units(atoms.get(x.id().value()).get(a)) * prices.get(a);
          double fy = ledger.precision(a).units(atoms.get(y.id().value()).get(a)) * prices.get(a);
          if (fx > 0 && fy > 0) {
            common.add(
                new CommonAsset(
                    x.id().value(), y.id().value(), a.value(), fx, fy, Math.min(fx, fy)));
          }
        }
      }
    }
    return new VenueExposures(nodes, claims, common);
  }

  /**
   * The claims as an {@link ExposureNetwork} (the {@code marginfall network} file's model): each
   * venue is a node with {@code equity} = capital and {@code value} = holdings; each claim of U on
   * V is a liability V owes U (claims on the same issuer add up). For clearing, a node's external
   * assets are its holdings less its claims on other venues, and its external liabilities are its
   * holdings less its capital less what it owes other venues (at least 0), so that a node paid in
   * full and paying in full ends with its capital as net worth. Common-asset edges are not claims
   * and are left out.
   */
  public ExposureNetwork network() {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (Node n : nodes) {
      index.put(n.venue(), index.size());
    }
    int size = nodes.size();
    double[][] owed = new double[size][size];
    double[] claimed = new double[size];
    double[] owes = new double[size];
    for (Claim c : claims) {
      int debtor = index.get(c.issuer());
      int creditor = index.get(c.holder());
      owed[debtor][creditor] += c.value();
      claimed[creditor] += c.value();
      owes[debtor] += c.value();
    }
    List<Bank> banks = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      Node n = nodes.get(i);
      double external = Math.max(0, n.holdings() - claimed[i]);
      double liabilities = Math.max(0, n.holdings() - n.capital() - owes[i]);
      banks.add(new Bank(n.venue(), external, liabilities, n.capital(), n.holdings()));
    }
    return ExposureNetwork.of(banks, owed);
  }

  private static boolean isCapital(String venue, AccountId account) {
    for (String name : CAPITAL_ACCOUNTS) {
      if (account.value().equals(venue + "/" + name)) {
        return true;
      }
    }
    return false;
  }

  private static void requireKnown(Set<String> ids, String venue) {
    if (!ids.contains(venue)) {
      throw new IllegalArgumentException("edge names unknown venue " + venue);
    }
  }

  private static void requireValue(String field, double x) {
    if (!(Double.isFinite(x) && x >= 0)) {
      throw new IllegalArgumentException(field + " must be finite and >= 0, was " + x);
    }
  }
}
