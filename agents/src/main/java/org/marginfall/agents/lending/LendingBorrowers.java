package org.marginfall.agents.lending;

import org.marginfall.core.agent.AgentAccounts;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.venue.LendingVenue;
import org.marginfall.core.venue.Venue;

/**
 * Borrowers who post collateral at set-up, borrow one asset up to a target loan-to-value and hold
 * what they borrowed.
 *
 * <p>Borrower {@code k} draws, in this order and from the population's own stream {@code
 * agents/<id>}, its collateral units and its target LTV, so adding another population never changes
 * these draws. It deposits the collateral into its venue account and borrows {@code collateral
 * value × min(target, LTV × (1 − 1e-6)) / debt price} at the venue's prices, where the collateral
 * value is its receipts × exchange rate × price (the cap keeps the borrow inside the LTV check
 * despite rounding). The engine sets borrowers up after the suppliers of their venue, wherever the
 * scenario lists them; a reserve without the cash to lend fails the set-up with the amounts in
 * units. Mutable (accounts are opened at set-up) and not thread-safe.
 */
public final class LendingBorrowers implements Population {

  /** Keeps a capped borrow strictly inside the LTV limit despite atom rounding. */
  private static final double LTV_CAP_FACTOR = 1 - 1e-6;

  private final LendingBorrowersSpec spec;
  private final RandomStream stream;

  LendingBorrowers(LendingBorrowersSpec spec, RandomStream stream) {
    this.spec = spec;
    this.stream = stream;
  }

  @Override
  public String id() {
    return spec.id();
  }

  @Override
  public void setUp(AgentContext ctx) {
    Venue v = ctx.venue(spec.venue());
    if (!(v instanceof LendingVenue venue)) {
      throw new IllegalStateException(spec.venue() + " is not a lending venue");
    }
    double ltvCap = venue.loanToValue(spec.collateralAsset()) * LTV_CAP_FACTOR;
    Precision collateral = ctx.precision(spec.collateralAsset());
    Precision receipts = ctx.precision(venue.receipt(spec.collateralAsset()));
    Precision debt = ctx.precision(spec.debtAsset());
    for (int k = 0; k < spec.count(); k++) {
      double units = stream.next(spec.collateral());
      double target = stream.next(spec.targetLtv());
      AccountId wallet = AgentAccounts.member(spec.id(), k, spec.count(), 4);
      ctx.openAccount(wallet);
      long atoms = collateral.floorAtoms(units);
      if (atoms <= 0) {
        continue;
      }
      ctx.endow(wallet, spec.collateralAsset(), atoms);
      AccountId account = venue.account(wallet);
      venue.depositCollateral(wallet, account, spec.collateralAsset(), atoms);
      double value =
          receipts.units(ctx.balance(account, venue.receipt(spec.collateralAsset())))
              * venue.exchangeRate(spec.collateralAsset())
              * venue.price(spec.collateralAsset());
      long borrow =
          debt.floorAtoms(value * Math.min(target, ltvCap) / venue.price(spec.debtAsset()));
      if (borrow > 0) {
        long available = venue.availableLiquidity(spec.debtAsset());
        if (borrow > available) {
          String asset = spec.debtAsset().value();
          throw new IllegalStateException(
              "borrower "
                  + k
                  + " of "
                  + spec.count()
                  + " would borrow "
                  + debt.units(borrow)
                  + " "
                  + asset
                  + " from "
                  + spec.venue()
                  + ", whose "
                  + asset
                  + " reserve holds "
                  + debt.units(available)
                  + " "
                  + asset
                  + " once its suppliers are set up: supply more "
                  + asset
                  + " to "
                  + spec.venue()
                  + ", or lower this population's targetLtv, collateral or count");
        }
        venue.borrow(account, spec.debtAsset(), borrow, wallet);
      }
    }
  }
}
