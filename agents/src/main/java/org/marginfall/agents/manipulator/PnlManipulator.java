package org.marginfall.agents.manipulator;

import java.util.LinkedHashMap;
import java.util.Map;
import org.marginfall.core.agent.AgentAccounts;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.PnlBorrowingVenue;
import org.marginfall.core.venue.Venue;

/**
 * The Mango Markets attack of 11 Oct 2022 (CFTC v. Eisenberg, S.D.N.Y., January 2023;
 * docs/sources.md, Market events): two accounts of one attacker trade a perp with each other, the
 * spot market the venue's oracle reads is bought up, and the long account borrows everything the
 * venue lends against its unrealised PnL, then walks away.
 *
 * <p>Set-up: wallets {@code <id>/0000} (account A) and {@code <id>/0001} (account B), each endowed
 * with {@code deposit} base currency, which each deposits in its margin account on the venue; B's
 * wallet also gets {@code capital} for the spot buying.
 *
 * <p>In the trading phase of {@code pairStep}: A opens a short of {@code size} and B a long of
 * {@code size} at the venue's mark, so the venue's counterparty is flat. Ticks {@code startStep ..
 * startStep + pumpSteps - 1}: B's wallet buys the spot market by {@link SpotPump}. At {@link
 * PnlManipulatorSpec#borrowStep}: B borrows {@link PnlBorrowingVenue#borrowable} into its wallet
 * and never acts again; A is left as it is. Draws no random numbers.
 *
 * <p>Its metrics ({@link PnlManipulatorSpec#METRICS}): {@code borrowed}, the loan B took; {@code
 * lendersLoss}, what B's loans exceed its account's value at the last tick, {@code max(0, −equity)}
 * (the lenders' loss if nothing else is recovered); {@code oracleAtBorrow} and {@code pnlAtBorrow},
 * the mark and B's unrealised PnL when it borrowed. Mutable and not thread-safe.
 */
public final class PnlManipulator implements Population {

  private final PnlManipulatorSpec spec;
  private AccountId walletA;
  private AccountId walletB;
  private AccountId accountA;
  private AccountId accountB;
  private SpotPump pump;
  private boolean done;
  private double entry;
  private final Map<String, Double> metrics = new LinkedHashMap<>();

  PnlManipulator(PnlManipulatorSpec spec) {
    this.spec = spec;
  }

  @Override
  public String id() {
    return spec.id();
  }

  @Override
  public void setUp(AgentContext ctx) {
    PnlBorrowingVenue venue = venue(ctx);
    if (!(venue.lendable() > 0)) {
      throw new IllegalStateException(
          "venue '" + spec.venue() + "' has no lending book (borrowing) to borrow from");
    }
    AssetId base = ctx.baseCurrency();
    Precision cash = ctx.precision(base);
    walletA = AgentAccounts.member(spec.id(), 0, 2, 4);
    walletB = AgentAccounts.member(spec.id(), 1, 2, 4);
    ctx.openAccount(walletA);
    ctx.openAccount(walletB);
    accountA = venue.marginAccount(walletA, spec.market());
    accountB = venue.marginAccount(walletB, spec.market());
    long deposit = cash.floorAtoms(spec.deposit());
    ctx.endow(walletA, base, deposit);
    ctx.endow(walletB, base, deposit);
    venue.deposit(walletA, accountA, base, deposit);
    venue.deposit(walletB, accountB, base, deposit);
    ctx.endow(walletB, base, cash.floorAtoms(spec.capital()));
    pump = new SpotPump(walletB, spec.market());
    for (String name : PnlManipulatorSpec.METRICS) {
      metrics.put(name, null);
    }
    metrics.put("borrowed", 0.0);
    metrics.put("lendersLoss", 0.0);
  }

  @Override
  public void trade(AgentContext ctx) {
    long step = ctx.clock().step();
    PnlBorrowingVenue venue = venue(ctx);
    if (!done && step >= spec.pairStep()) {
      act(ctx, venue, step);
    }
    // What B owes beyond its account's value: the loans its equity no longer covers.
    metrics.put("lendersLoss", Math.max(0, -venue.marginState(accountB).equity()));
  }

  private void act(AgentContext ctx, PnlBorrowingVenue venue, long step) {
    if (step == spec.pairStep()) {
      // Both sides trade at the mark, so B's entry is the mark now.
      entry = venue.markPrice(spec.market());
      venue.open(accountA, spec.market(), -spec.size());
      venue.open(accountB, spec.market(), spec.size());
    }
    if (step >= spec.startStep() && step < spec.startStep() + spec.pumpSteps()) {
      double oracle = venue.markPrice(spec.market());
      SpotPump.Tick t = pump.buy(ctx, spec.startStep() + spec.pumpSteps() - step);
      ctx.emit(
          new ManipulatorBuy(
              step,
              ctx.clock().round(),
              venue.id().value(),
              walletB.value(),
              spec.market().value(),
              t.units(),
              t.spent(),
              t.priceBefore(),
              t.priceAfter(),
              oracle));
    } else if (step >= spec.borrowStep()) {
      double mark = venue.markPrice(spec.market());
      metrics.put("oracleAtBorrow", mark);
      metrics.put("pnlAtBorrow", spec.size() * (mark - entry));
      long atoms = ctx.precision(ctx.baseCurrency()).floorAtoms(venue.borrowable(accountB));
      if (atoms > 0) {
        venue.borrow(accountB, atoms, walletB);
      }
      metrics.put("borrowed", venue.borrowed(accountB));
      done = true;
    }
  }

  @Override
  public Map<String, Double> metrics() {
    return metrics;
  }

  private PnlBorrowingVenue venue(AgentContext ctx) {
    Venue v = ctx.venue(spec.venue());
    if (!(v instanceof PnlBorrowingVenue venue)) {
      throw new IllegalStateException(
          spec.venue() + " is not a venue whose accounts borrow against their margin");
    }
    return venue;
  }
}
