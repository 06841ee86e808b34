package org.example.marginfall;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.AuctionLot;
import org.marginfall.core.venue.AuctionTake;
import org.marginfall.core.venue.HeldPosition;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.PerpetualVenue;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * A perpetual venue with one rule added: a trade that would take the venue's open interest (every
 * position's size at the oracle price, as its snapshot reports it) above {@code openInterestCap} is
 * refused, and {@link #maxOpenSize} leaves room only up to the cap. Everything else (marks,
 * liquidations, the loss waterfall, the audit) is the wrapped venue's.
 *
 * <p>Open-interest caps: Hyperliquid documentation,
 * <https://hyperliquid.gitbook.io/hyperliquid-docs> (an order that would increase a position in an
 * asset at its cap is rejected, PositionIncreaseAtOpenInterestCap). Simplification: every {@link
 * #open} counts as an increase; positions are cut with {@link #reduce} and positions held before
 * the run are loaded with {@link #load}, neither of which the cap blocks. Mutable run state, not
 * thread-safe.
 */
public final class CappedPerpetual implements PerpetualVenue {

  private final PerpetualVenue venue;
  private final double cap;

  /** Wraps {@code venue} with an open-interest cap of {@code cap} (base currency). */
  public CappedPerpetual(PerpetualVenue venue, double cap) {
    this.venue = venue;
    this.cap = cap;
  }

  /** The open interest the cap still allows, in base currency, at least 0. */
  public double room() {
    return Math.max(0, cap - venue.snapshot().openInterest());
  }

  @Override
  public double maxOpenSize(AccountId marginAccount, AssetId market, int side) {
    return Math.min(
        venue.maxOpenSize(marginAccount, market, side), room() / venue.markPrice(market));
  }

  @Override
  public void open(AccountId marginAccount, AssetId market, double size) {
    double notional = Math.abs(size) * venue.markPrice(market);
    double room = room();
    if (notional > room) {
      throw new IllegalStateException(
          id() + ": open interest cap " + cap + " leaves room for " + room + ", not " + notional);
    }
    venue.open(marginAccount, market, size);
  }

  @Override
  public String type() {
    return CappedPerpetualSpec.TYPE;
  }

  @Override
  public Map<String, Object> attributes() {
    Map<String, Object> a = new LinkedHashMap<>(venue.attributes());
    a.put("openInterestCap", cap);
    return a;
  }

  // Everything below is the wrapped venue's.

  @Override
  public VenueId id() {
    return venue.id();
  }

  @Override
  public void markToMarket() {
    venue.markToMarket();
  }

  @Override
  public void markLiquidationCandidates() {
    venue.markLiquidationCandidates();
  }

  @Override
  public MarginState marginStateNow(AccountId account) {
    return venue.marginStateNow(account);
  }

  @Override
  public List<LiquidationCandidate> liquidatable() {
    return venue.liquidatable();
  }

  @Override
  public Optional<LiquidationOutcome> liquidate(AccountId account, AccountId liquidator) {
    return venue.liquidate(account, liquidator);
  }

  @Override
  public boolean liquidatesNow(AccountId account) {
    return venue.liquidatesNow(account);
  }

  @Override
  public double expectedLiquidatorReward(LiquidationCandidate candidate) {
    return venue.expectedLiquidatorReward(candidate);
  }

  @Override
  public List<AuctionLot> auctions() {
    return venue.auctions();
  }

  @Override
  public Optional<AuctionLot> auction(long lotId) {
    return venue.auction(lotId);
  }

  @Override
  public Optional<AuctionTake> take(long lotId, AccountId taker, long maxAtoms, double maxPrice) {
    return venue.take(lotId, taker, maxAtoms, maxPrice);
  }

  @Override
  public void settle() {
    venue.settle();
  }

  @Override
  public double[] healthValues() {
    return venue.healthValues();
  }

  @Override
  public VenueSnapshot snapshot() {
    return venue.snapshot();
  }

  @Override
  public List<String> audit() {
    return venue.audit();
  }

  @Override
  public Set<AssetId> markets() {
    return venue.markets();
  }

  @Override
  public Set<AssetId> collateralAssets() {
    return venue.collateralAssets();
  }

  @Override
  public double markPrice(AssetId market) {
    return venue.markPrice(market);
  }

  @Override
  public double maxLeverage(AssetId market) {
    return venue.maxLeverage(market);
  }

  @Override
  public AccountId marginAccount(AccountId owner, AssetId market) {
    return venue.marginAccount(owner, market);
  }

  @Override
  public void discard(AccountId marginAccount) {
    venue.discard(marginAccount);
  }

  @Override
  public void deposit(AccountId from, AccountId marginAccount, AssetId asset, long atoms) {
    venue.deposit(from, marginAccount, asset, atoms);
  }

  @Override
  public void load(AccountId marginAccount, List<HeldPosition> positions) {
    venue.load(marginAccount, positions);
  }

  @Override
  public void reduce(AccountId marginAccount, AssetId market, double size) {
    venue.reduce(marginAccount, market, size);
  }

  @Override
  public MarginState marginState(AccountId marginAccount) {
    return venue.marginState(marginAccount);
  }

  @Override
  public void withdraw(AccountId marginAccount, AssetId asset, long atoms, AccountId to) {
    venue.withdraw(marginAccount, asset, atoms, to);
  }
}
