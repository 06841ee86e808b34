package org.marginfall.agents.manipulator;

import org.marginfall.core.agent.AgentAccounts;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.LendingVenue;
import org.marginfall.core.venue.Venue;

/**
 * The 2022 oracle-manipulation pattern: pump a thin spot market that a lending venue's oracle
 * reads, borrow the most the inflated collateral allows, walk away and leave the venue the bad debt
 * when the price reverts (Mango Markets, 11 Oct 2022: CFTC v. Eisenberg and SEC v. Eisenberg,
 * S.D.N.Y., January 2023; docs/sources.md, Market events).
 *
 * <p>Set-up: one wallet {@code <id>/0000}, endowed with {@code capital} base currency and {@code
 * holding} units of the asset, which it posts as collateral on the venue.
 *
 * <p>Pump, in the trading phase of ticks {@code startStep .. startStep + pumpSteps - 1}: each tick
 * spends {@code cash / ticks left} by {@link SpotPump}, and everything bought is posted as
 * collateral at once. Since each buy moves the price by {@code k × cost}, the pump ends at {@code
 * P0 + k C} less the decay in between.
 *
 * <p>Borrow, in the trading phase of {@link OracleManipulatorSpec#borrowStep}: it borrows {@code
 * min(PumpSizing.maxBorrow, available liquidity)} of the debt asset at the venue's (oracle) prices,
 * keeps it, and never acts again. Draws no random numbers. Mutable and not thread-safe.
 */
public final class OracleManipulator implements Population {

  private final OracleManipulatorSpec spec;
  private AccountId wallet;
  private AccountId account;
  private SpotPump pump;
  private boolean done;

  OracleManipulator(OracleManipulatorSpec spec) {
    this.spec = spec;
  }

  @Override
  public String id() {
    return spec.id();
  }

  @Override
  public void setUp(AgentContext ctx) {
    LendingVenue venue = venue(ctx);
    wallet = AgentAccounts.member(spec.id(), 0, 1, 4);
    ctx.openAccount(wallet);
    account = venue.account(wallet);
    pump = new SpotPump(wallet, spec.asset());
    ctx.endow(
        wallet, ctx.baseCurrency(), ctx.precision(ctx.baseCurrency()).floorAtoms(spec.capital()));
    long held = ctx.precision(spec.asset()).floorAtoms(spec.holding());
    if (held > 0) {
      ctx.endow(wallet, spec.asset(), held);
    }
    post(ctx, venue);
  }

  @Override
  public void trade(AgentContext ctx) {
    long step = ctx.clock().step();
    if (done || step < spec.startStep()) {
      return;
    }
    LendingVenue venue = venue(ctx);
    if (step < spec.startStep() + spec.pumpSteps()) {
      pump(ctx, venue, spec.startStep() + spec.pumpSteps() - step);
      post(ctx, venue);
    } else if (step >= spec.borrowStep()) {
      borrow(ctx, venue);
      done = true;
    }
  }

  /** Spends this tick's budget in the thin market (see {@link SpotPump}). */
  private void pump(AgentContext ctx, LendingVenue venue, long ticksLeft) {
    double oracle = venue.price(spec.asset());
    SpotPump.Tick t = pump.buy(ctx, ticksLeft);
    ctx.emit(
        new ManipulatorBuy(
            ctx.clock().step(),
            ctx.clock().round(),
            venue.id().value(),
            wallet.value(),
            spec.asset().value(),
            t.units(),
            t.spent(),
            t.priceBefore(),
            t.priceAfter(),
            oracle));
  }

  /** Borrows the most the venue's prices allow and keeps it. */
  private void borrow(AgentContext ctx, LendingVenue venue) {
    AssetId receipt = venue.receipt(spec.asset());
    double collateral =
        ctx.precision(receipt).units(ctx.balance(account, receipt))
            * venue.exchangeRate(spec.asset());
    double oracle = venue.price(spec.asset());
    double value = collateral * oracle;
    double debtPrice = venue.price(spec.debtAsset());
    double debtValue = venue.debt(account, spec.debtAsset()) * debtPrice;
    Precision debtPrecision = ctx.precision(spec.debtAsset());
    long atoms =
        debtPrecision.floorAtomsAtMost(
            PumpSizing.maxBorrow(value, venue.loanToValue(spec.asset()), debtValue, debtPrice),
            venue.availableLiquidity(spec.debtAsset()));
    boolean refused = false;
    if (atoms > 0) {
      try {
        venue.borrow(account, spec.debtAsset(), atoms, wallet);
      } catch (IllegalStateException capReached) {
        refused = true;
        atoms = 0;
      }
    }
    ctx.emit(
        new ManipulatorBorrow(
            ctx.clock().step(),
            ctx.clock().round(),
            venue.id().value(),
            account.value(),
            spec.asset().value(),
            collateral,
            oracle,
            ctx.marketPrice(spec.asset()),
            value,
            spec.debtAsset().value(),
            debtPrecision.units(atoms),
            debtPrecision.units(atoms) * debtPrice,
            pump.spent(),
            refused));
  }

  /**
   * Posts everything of the asset in the wallet as collateral (a supply cap leaves it in the
   * wallet).
   */
  private void post(AgentContext ctx, LendingVenue venue) {
    long atoms = ctx.balance(wallet, spec.asset());
    if (atoms <= 0) {
      return;
    }
    try {
      venue.depositCollateral(wallet, account, spec.asset(), atoms);
    } catch (IllegalStateException | IllegalArgumentException refused) {
      // A supply cap, or dust that mints no receipt atom: Aave would revert, the tokens stay in the
      // wallet.
    }
  }

  private LendingVenue venue(AgentContext ctx) {
    Venue v = ctx.venue(spec.venue());
    if (!(v instanceof LendingVenue venue)) {
      throw new IllegalStateException(spec.venue() + " is not a lending venue");
    }
    return venue;
  }
}
