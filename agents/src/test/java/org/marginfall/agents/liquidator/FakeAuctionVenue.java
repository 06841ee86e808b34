package org.marginfall.agents.liquidator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.AuctionLot;
import org.marginfall.core.venue.AuctionTake;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * A venue with nothing but fixed-price collateral auctions the test sets up: a take buys at the
 * lot's price, up to the lot, if the taker pays {@code ceil(atoms * price)} (converted at the
 * ledger's precisions of the collateral and the base currency); every take is recorded. Mutable,
 * not thread-safe.
 */
final class FakeAuctionVenue implements org.marginfall.core.venue.Venue {

  private final VenueId id;
  private final Ledger ledger;
  private final AssetId base;
  private final AccountId house;
  private final Map<Long, AuctionLot> lots = new LinkedHashMap<>();
  final List<AuctionTake> takes = new ArrayList<>();
  final List<AccountId> takers = new ArrayList<>();

  FakeAuctionVenue(String id, Ledger ledger, AssetId base) {
    this.id = VenueId.of(id);
    this.ledger = ledger;
    this.base = base;
    this.house = AccountId.of(id, "auctions");
    ledger.open(house, AccountType.ORDINARY);
  }

  /** Puts {@code units} of {@code asset} up for sale at {@code price}, brought in from outside. */
  FakeAuctionVenue lot(long lotId, AssetId asset, double units, double price) {
    long atoms = ledger.precision(asset).atoms(units);
    ledger.transfer(Ledger.EXTERNAL, house, asset, atoms);
    lots.put(lotId, new AuctionLot(id, lotId, asset, atoms, price, units * price));
    return this;
  }

  @Override
  public VenueId id() {
    return id;
  }

  @Override
  public String type() {
    return "fake-auctions";
  }

  @Override
  public Map<String, Object> attributes() {
    return Map.of();
  }

  @Override
  public void markToMarket() {}

  @Override
  public MarginState marginStateNow(AccountId account) {
    return null;
  }

  @Override
  public List<LiquidationCandidate> liquidatable() {
    return List.of();
  }

  @Override
  public Optional<LiquidationOutcome> liquidate(AccountId account, AccountId liquidator) {
    return Optional.empty();
  }

  @Override
  public List<AuctionLot> auctions() {
    return List.copyOf(lots.values());
  }

  @Override
  public Optional<AuctionTake> take(long lotId, AccountId taker, long maxAtoms, double maxPrice) {
    AuctionLot lot = lots.get(lotId);
    if (lot == null || maxPrice < lot.price()) {
      return Optional.empty();
    }
    long atoms = Math.min(maxAtoms, lot.atoms());
    Precision cash = ledger.precision(base);
    long pay = ledger.precision(lot.asset()).ceilValueAtoms(atoms, lot.price(), cash);
    if (atoms <= 0 || ledger.balance(taker, base) < pay) {
      return Optional.empty();
    }
    ledger.transfer(taker, house, base, pay);
    ledger.transfer(house, taker, lot.asset(), atoms);
    long left = lot.atoms() - atoms;
    if (left == 0) {
      lots.remove(lotId);
    } else {
      lots.put(lotId, new AuctionLot(id, lotId, lot.asset(), left, lot.price(), lot.debt()));
    }
    AuctionTake t = new AuctionTake(id, lotId, lot.asset(), atoms, cash.units(pay));
    takes.add(t);
    takers.add(taker);
    return Optional.of(t);
  }

  @Override
  public void settle() {}

  @Override
  public VenueSnapshot snapshot() {
    return new VenueSnapshot(0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  @Override
  public List<String> audit() {
    return List.of();
  }
}
