package org.marginfall.agents.lending;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.marginfall.agents.snapshot.AccountGroups;
import org.marginfall.agents.snapshot.InvalidRow;
import org.marginfall.agents.snapshot.LendingRow;
import org.marginfall.agents.snapshot.Rejections;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.LendingVenue;
import org.marginfall.core.venue.Venue;

/**
 * Lending accounts loaded from a snapshot at set-up, then held.
 *
 * <p>Account {@code a} of the file owns the wallet {@code <population>/<a>}. Accounts without debt
 * load first, then the others, each group in the order of its first row, so that borrows find the
 * reserves their suppliers fund. An account is loaded whole or not at all: each supply is endowed
 * and supplied (as collateral of the venue account {@link LendingVenue#account}, or as a plain
 * supply when the snapshot says it is not used as collateral), then each debt is opened with {@link
 * LendingVenue#openDebt}: the venue holds an account between its loan-to-value limit and its
 * liquidation threshold, so only an account already liquidatable (Aave v3 GenericLogic: HF = Σ
 * collateral × liquidation threshold / Σ debt below 1), or one the reserve's cash or cap cannot
 * fund, is refused. When the venue refuses one, what was done for the account is undone in reverse
 * order (borrows repaid, receipts redeemed, units paid out of the model), its venue account is
 * discarded ({@link LendingVenue#discard}) and its rows are refused: a refused account leaves no
 * venue account, receipt or debt behind. The borrowed units stay in the wallet. Mutable and not
 * thread-safe.
 */
public final class SnapshotLenders implements Population {

  private final SnapshotLendersSpec spec;

  SnapshotLenders(SnapshotLendersSpec spec) {
    this.spec = spec;
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
    Rejections rejections = new Rejections(spec.id(), spec.venue().value(), spec.snapshot());
    List<LendingRow> rows = spec.rows();
    AccountGroups accounts = spec.accounts();
    boolean[] owes = new boolean[accounts.size()];
    for (int g = 0; g < accounts.size(); g++) {
      for (int k = 0; k < accounts.rows(g); k++) {
        owes[g] |= rows.get(accounts.row(g, k)).borrowed() > 0;
      }
    }
    for (boolean borrows : new boolean[] {false, true}) {
      for (int g = 0; g < accounts.size(); g++) {
        if (owes[g] == borrows) {
          load(ctx, venue, rows, accounts, g, rejections);
        }
      }
    }
    rejections.finish(ctx);
  }

  /** Loads account {@code g} whole, or undoes it and refuses its rows. */
  private void load(
      AgentContext ctx,
      LendingVenue venue,
      List<LendingRow> rows,
      AccountGroups accounts,
      int g,
      Rejections rejections) {
    List<LendingRow> held = new ArrayList<>(accounts.rows(g));
    for (int k = 0; k < accounts.rows(g); k++) {
      held.add(rows.get(accounts.row(g, k)));
    }
    AccountId wallet = AccountId.of(spec.id(), held.get(0).account());
    ctx.openAccount(wallet);
    Deque<Runnable> undo = new ArrayDeque<>();
    AccountId[] opened = new AccountId[1];
    try {
      supplyAndBorrow(ctx, venue, wallet, held, undo, opened);
    } catch (IllegalStateException refused) {
      undo.forEach(Runnable::run);
      if (opened[0] != null) {
        venue.discard(opened[0]);
      }
      for (LendingRow row : held) {
        rejections.reject(
            row.line(),
            InvalidRow.Reason.REJECTED_AT_START,
            "account " + row.account() + ": " + refused.getMessage());
      }
    }
  }

  /**
   * Supplies, then borrows, pushing the undo of each step that moved something; the venue account,
   * once opened, is left in {@code opened[0]} (the instance the venue stored, so that discarding it
   * finds it by identity).
   */
  private static void supplyAndBorrow(
      AgentContext ctx,
      LendingVenue venue,
      AccountId wallet,
      List<LendingRow> rows,
      Deque<Runnable> undo,
      AccountId[] opened) {
    for (LendingRow row : rows) {
      long atoms = ctx.precision(row.asset()).floorAtoms(row.supplied());
      if (atoms <= 0) {
        continue;
      }
      ctx.endow(wallet, row.asset(), atoms);
      undo.push(() -> ctx.payOut(wallet, row.asset(), ctx.balance(wallet, row.asset())));
      if (row.collateral()) {
        AccountId account = venueAccount(venue, wallet, opened);
        long before = ctx.balance(account, venue.receipt(row.asset()));
        venue.depositCollateral(wallet, account, row.asset(), atoms);
        long receipts = ctx.balance(account, venue.receipt(row.asset())) - before;
        undo.push(
            () -> {
              venue.withdrawCollateral(account, row.asset(), receipts, wallet);
              venue.withdraw(wallet, row.asset(), receipts);
            });
      } else {
        long receipts = venue.supply(wallet, row.asset(), atoms);
        undo.push(() -> venue.withdraw(wallet, row.asset(), receipts));
      }
    }
    for (LendingRow row : rows) {
      long atoms = ctx.precision(row.asset()).ceilAtoms(row.borrowed());
      if (atoms <= 0) {
        continue;
      }
      AccountId account = venueAccount(venue, wallet, opened);
      venue.openDebt(account, row.asset(), atoms, wallet);
      undo.push(() -> venue.repay(wallet, account, row.asset(), atoms));
    }
  }

  /** The venue account of {@code wallet}, opened on first use and kept in {@code opened[0]}. */
  private static AccountId venueAccount(LendingVenue venue, AccountId wallet, AccountId[] opened) {
    if (opened[0] == null) {
      opened[0] = venue.account(wallet);
    }
    return opened[0];
  }
}
