package org.marginfall.agents.multivenue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.marginfall.agents.testkit.FakeAgentContext;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.contagion.Cause;
import org.marginfall.core.contagion.Channel;
import org.marginfall.core.event.SimClock;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.market.Execution;
import org.marginfall.core.venue.AuctionTake;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;

/**
 * A {@link FakeAgentContext} whose channel switches the test sets and which records every
 * collateral diversion noted. Mutable, not thread-safe.
 */
final class RecordingContext implements AgentContext {

  /** One {@link AgentContext#noteCollateralDiverted} call. */
  record Diversion(
      VenueId venue, AccountId account, VenueId toVenue, AccountId toAccount, double value) {}

  final FakeAgentContext inner;
  final Set<Channel> open = EnumSet.allOf(Channel.class);
  final List<Diversion> diversions = new ArrayList<>();

  RecordingContext(FakeAgentContext inner) {
    this.inner = inner;
  }

  @Override
  public SimClock clock() {
    return inner.clock();
  }

  @Override
  public AssetId baseCurrency() {
    return inner.baseCurrency();
  }

  @Override
  public List<Venue> venues() {
    return inner.venues();
  }

  @Override
  public Venue venue(VenueId id) {
    return inner.venue(id);
  }

  @Override
  public void openAccount(AccountId account) {
    inner.openAccount(account);
  }

  @Override
  public void endow(AccountId account, AssetId asset, long atoms) {
    inner.endow(account, asset, atoms);
  }

  @Override
  public long balance(AccountId account, AssetId asset) {
    return inner.balance(account, asset);
  }

  @Override
  public Precision precision(AssetId asset) {
    return inner.precision(asset);
  }

  @Override
  public Execution sell(AccountId seller, AssetId asset, long atoms) {
    return inner.sell(seller, asset, atoms);
  }

  @Override
  public double marketPrice(AssetId asset) {
    return inner.marketPrice(asset);
  }

  @Override
  public Execution buy(AccountId buyer, AssetId asset, long atoms) {
    return inner.buy(buyer, asset, atoms);
  }

  @Override
  public double setDepthFactor(AssetId asset, String quoter, double factor) {
    return inner.setDepthFactor(asset, quoter, factor);
  }

  @Override
  public boolean hasMarket(AssetId asset) {
    return inner.hasMarket(asset);
  }

  @Override
  public void payOut(AccountId account, AssetId asset, long atoms) {
    inner.payOut(account, asset, atoms);
  }

  @Override
  public Optional<LiquidationOutcome> liquidate(
      VenueId venue, AccountId account, AccountId liquidator) {
    return inner.liquidate(venue, account, liquidator);
  }

  @Override
  public Optional<AuctionTake> take(
      VenueId venue, long lotId, AccountId taker, long maxAtoms, double maxPrice) {
    return inner.take(venue, lotId, taker, maxAtoms, maxPrice);
  }

  @Override
  public boolean channelOpen(Channel channel) {
    return open.contains(channel);
  }

  @Override
  public Cause causeOf(VenueId venue, AccountId account) {
    return inner.causeOf(venue, account);
  }

  @Override
  public void noteCollateralDiverted(
      VenueId venue, AccountId account, VenueId toVenue, AccountId toAccount, double value) {
    diversions.add(new Diversion(venue, account, toVenue, toAccount, value));
  }

  @Override
  public void emit(SimEvent event) {
    inner.emit(event);
  }
}
