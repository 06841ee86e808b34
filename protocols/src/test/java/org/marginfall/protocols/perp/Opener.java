package org.marginfall.protocols.perp;

import java.util.List;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.PerpetualVenue;
import org.marginfall.core.venue.VenueId;

/**
 * A test population of one owner who, at set-up, is endowed with base currency and opens the given
 * positions through the {@link PerpetualVenue} interface: it first deposits any non-base collateral
 * it was given into the margin account of its first leg, then for each leg deposits the leg's
 * margin into the venue's margin account for that market and opens the leg. Under cross margin the
 * legs share one account (and so their margins add up); under isolated margin each leg has its own.
 * Quantities are given in units and turned into atoms at set-up, at the precision the run counts
 * each asset in.
 */
final class Opener implements Population {

  /**
   * One position to open.
   *
   * @param market the perpetual market
   * @param size signed size in units
   * @param baseMargin base currency deposited for it
   */
  record Leg(AssetId market, double size, double baseMargin) {}

  /**
   * Non-base collateral to deposit.
   *
   * @param asset the collateral asset
   * @param units how much of it, in units
   */
  record Collateral(AssetId asset, double units) {}

  private final String id;
  private final VenueId venue;
  private final AccountId owner;
  private final List<Leg> legs;
  private final List<Collateral> collateral;

  Opener(String id, VenueId venue, AccountId owner, List<Leg> legs) {
    this(id, venue, owner, legs, List.of());
  }

  Opener(String id, VenueId venue, AccountId owner, List<Leg> legs, List<Collateral> collateral) {
    this.id = id;
    this.venue = venue;
    this.owner = owner;
    this.legs = List.copyOf(legs);
    this.collateral = List.copyOf(collateral);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public void setUp(AgentContext ctx) {
    PerpetualVenue v = (PerpetualVenue) ctx.venue(venue);
    ctx.openAccount(owner);
    Precision basePrecision = ctx.precision(ctx.baseCurrency());
    long total = 0;
    for (Leg leg : legs) {
      total += basePrecision.atoms(leg.baseMargin());
    }
    ctx.endow(owner, ctx.baseCurrency(), total);
    for (Collateral c : collateral) {
      long atoms = ctx.precision(c.asset()).atoms(c.units());
      ctx.endow(owner, c.asset(), atoms);
      v.deposit(owner, v.marginAccount(owner, legs.get(0).market()), c.asset(), atoms);
    }
    for (Leg leg : legs) {
      AccountId account = v.marginAccount(owner, leg.market());
      v.deposit(owner, account, ctx.baseCurrency(), basePrecision.atoms(leg.baseMargin()));
      v.open(account, leg.market(), leg.size());
    }
  }
}
