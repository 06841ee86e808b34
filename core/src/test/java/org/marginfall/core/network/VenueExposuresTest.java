package org.marginfall.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.spec.VenueSpec;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;

/**
 * The exposure network measured from a hand-built ledger of three venues, with every weight worked
 * out by hand in the comments.
 */
class VenueExposuresTest {

  private static final double TOL = 1e-9;
  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId RA = AssetId.of("rA");
  private static final AssetId RB = AssetId.of("rB");

  /** Only what the measurement reads: id, accepted collateral and issued assets. */
  private record Spec(VenueId id, Set<AssetId> collateralAssets, Set<AssetId> issuedAssets)
      implements VenueSpec {
    @Override
    public String type() {
      return "test";
    }

    @Override
    public Set<AssetId> tradableAssets() {
      return Set.of();
    }

    @Override
    public Venue resolve(VenueServices services) {
      throw new UnsupportedOperationException("never resolved here");
    }
  }

  private static final List<Spec> VENUES =
      List.of(
          new Spec(VenueId.of("A"), Set.of(USD, ETH, RB), Set.of(RA)),
          new Spec(VenueId.of("B"), Set.of(USD, ETH, RA), Set.of(RB)),
          new Spec(VenueId.of("C"), Set.of(USD, ETH), Set.of()));

  private static final Map<AssetId, Double> PRICES =
      Map.of(USD, 1.0, ETH, 2000.0, RA, 1.1, RB, 0.9);

  /**
   * A: insurance 100 USD; a margin account with 2 ETH and 50 rB; rA's issuer (external, -300). B:
   * treasury 40 USD and 10 rA; a margin account with 200 rA and 1 ETH; bad debt (external, -5 USD).
   * C: vow 20 USD; a vault with 3 ETH. An agent wallet holds 90 rA: it belongs to no venue.
   */
  private static Ledger ledger() {
    Ledger l = new Ledger(List.of(USD, ETH, RA, RB));
    AccountId aIns = open(l, "A/insurance", AccountType.ORDINARY);
    AccountId aUser = open(l, "A/accounts/u1", AccountType.ORDINARY);
    AccountId aIssuer = open(l, "A/issuers/rA", AccountType.EXTERNAL);
    AccountId bTreasury = open(l, "B/treasury", AccountType.ORDINARY);
    AccountId bUser = open(l, "B/accounts/u2/ETH", AccountType.ORDINARY);
    AccountId bBad = open(l, "B/bad-debt", AccountType.EXTERNAL);
    AccountId bIssuer = open(l, "B/issuers/rB", AccountType.EXTERNAL);
    AccountId cVow = open(l, "C/vow", AccountType.ORDINARY);
    AccountId cVault = open(l, "C/vaults/x/ETH", AccountType.ORDINARY);
    AccountId wallet = open(l, "suppliers/001", AccountType.ORDINARY);
    AccountId ext = Ledger.EXTERNAL;
    l.transfer(ext, aIns, USD, units(100));
    l.transfer(ext, aUser, ETH, units(2));
    l.transfer(bIssuer, aUser, RB, units(50));
    l.transfer(ext, bTreasury, USD, units(40));
    l.transfer(aIssuer, bTreasury, RA, units(10));
    l.transfer(aIssuer, bUser, RA, units(200));
    l.transfer(ext, bUser, ETH, units(1));
    l.transfer(bBad, ext, USD, units(5));
    l.transfer(ext, cVow, USD, units(20));
    l.transfer(ext, cVault, ETH, units(3));
    l.transfer(aIssuer, wallet, RA, units(90));
    assertTrue(l.audit().isEmpty(), l.audit().toString());
    return l;
  }

  private static AccountId open(Ledger l, String id, AccountType type) {
    AccountId a = new AccountId(id);
    l.open(a, type);
    return a;
  }

  private static long units(double u) {
    return Precision.MICRO.atoms(u);
  }

  private static VenueExposures measured() {
    return VenueExposures.measure(ledger(), VENUES, Set.of(ETH), PRICES::get);
  }

  @Test
  void test_measure_nodesCountPositiveBalancesAndBufferAccounts() {
    List<VenueExposures.Node> nodes = measured().nodes();
    // A: 100 USD + 2 ETH * 2000 + 50 rB * 0.9 = 100 + 4000 + 45 = 4145; capital = insurance 100.
    assertEquals("A", nodes.get(0).venue());
    assertEquals(4145.0, nodes.get(0).holdings(), TOL);
    assertEquals(100.0, nodes.get(0).capital(), TOL);
    // B: 40 USD + 1 ETH * 2000 + 210 rA * 1.1 = 40 + 2000 + 231 = 2271 (the -5 USD bad debt is
    // external and negative, so it is not a holding); capital = treasury 40 + 10 * 1.1 = 51.
    assertEquals(2271.0, nodes.get(1).holdings(), TOL);
    assertEquals(51.0, nodes.get(1).capital(), TOL);
    // C: 20 + 3 * 2000 = 6020; capital = vow 20.
    assertEquals(6020.0, nodes.get(2).holdings(), TOL);
    assertEquals(20.0, nodes.get(2).capital(), TOL);
  }

  @Test
  void test_measure_claimsAreDerivedAssetsHeldByOtherVenues() {
    List<VenueExposures.Claim> claims = measured().claims();
    assertEquals(2, claims.size());
    // A holds 50 rB (issued by B) at 0.9: 45. The agent wallet's 90 rA belongs to no venue.
    assertEquals(new VenueExposures.Claim("A", "B", "rB", 50.0, 50.0 * 0.9), claims.get(0));
    assertEquals(45.0, claims.get(0).value(), TOL);
    // B holds 200 + 10 = 210 rA (issued by A) at 1.1: 231.
    assertEquals("B", claims.get(1).holder());
    assertEquals("A", claims.get(1).issuer());
    assertEquals(210.0, claims.get(1).units(), TOL);
    assertEquals(231.0, claims.get(1).value(), TOL);
  }

  @Test
  void test_measure_commonAssetEdgesTakeTheSmallerHolding() {
    List<VenueExposures.CommonAsset> common = measured().commonAssets();
    // ETH holdings: A 4000, B 2000, C 6000; USD is not a spot asset, rA/rB are not accepted by
    // both.
    assertEquals(3, common.size());
    assertEquals(
        new VenueExposures.CommonAsset("A", "B", "ETH", 4000.0, 2000.0, 2000.0), common.get(0));
    assertEquals(
        new VenueExposures.CommonAsset("A", "C", "ETH", 4000.0, 6000.0, 4000.0), common.get(1));
    assertEquals(
        new VenueExposures.CommonAsset("B", "C", "ETH", 2000.0, 6000.0, 2000.0), common.get(2));
  }

  @Test
  void test_network_claimsBecomeLiabilitiesOfTheIssuer() {
    ExposureNetwork n = measured().network();
    assertEquals(List.of("A", "B", "C"), n.ids());
    // B owes A what A holds of rB (45); A owes B what B holds of rA (231).
    assertEquals(45.0, n.liability(1, 0), TOL);
    assertEquals(231.0, n.liability(0, 1), TOL);
    assertEquals(0.0, n.liability(0, 2), 0.0);
    assertEquals(0.0, n.liability(2, 0), 0.0);
    // External assets = holdings - claims held: A 4145 - 45 = 4100, B 2271 - 231 = 2040, C 6020.
    assertEquals(4100.0, n.externalAssets()[0], TOL);
    assertEquals(2040.0, n.externalAssets()[1], TOL);
    assertEquals(6020.0, n.externalAssets()[2], TOL);
    // External liabilities = holdings - capital - owed to venues: A 4145 - 100 - 231 = 3814,
    // B 2271 - 51 - 45 = 2175, C 6020 - 20 = 6000.
    assertEquals(3814.0, n.externalLiabilities()[0], TOL);
    assertEquals(2175.0, n.externalLiabilities()[1], TOL);
    assertEquals(6000.0, n.externalLiabilities()[2], TOL);
    assertEquals(100.0, n.equities()[0], TOL);
    assertEquals(4145.0, n.values()[0], TOL);
  }

  @Test
  void test_network_fullPaymentLeavesCapitalAsNetWorth() {
    // Nothing is short, so Eisenberg-Noe pays in full: net worth = e + received - owed
    // = A: 4100 + 45 - (3814 + 231) = 100, its capital.
    ClearingResult r =
        Clearing.rogersVeraart(measured().network(), ExternalLiabilities.PARI_PASSU, 1, 1);
    assertEquals(100.0, r.netWorth()[0], 1e-6);
    assertEquals(51.0, r.netWorth()[1], 1e-6);
    assertEquals(20.0, r.netWorth()[2], 1e-6);
  }

  @Test
  void test_network_debtRankOfTheIssuerStressesTheHolder() {
    // A defaulting: B's impact from A is 231 / 51 > 1, so B's stress reaches its cap of 1; C holds
    // no claim and stays unstressed.
    DebtRankResult r =
        DebtRank.eachNodeDefaulting(measured().network(), DebtRankVariant.BARDOSCIA_2015).get(0);
    assertEquals(1.0, r.finalStress()[1], 1e-12);
    assertEquals(0.0, r.finalStress()[2], 0.0);
  }

  @Test
  void test_constructor_rejectsEdgesToUnknownVenues() {
    VenueExposures.Node a = new VenueExposures.Node("A", 0, 1);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new VenueExposures(
                List.of(a), List.of(new VenueExposures.Claim("A", "Z", "rZ", 1, 1)), List.of()));
    assertThrows(
        IllegalArgumentException.class, () -> new VenueExposures.Claim("A", "A", "rA", 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new VenueExposures.Node("A", 2, 1));
  }
}
