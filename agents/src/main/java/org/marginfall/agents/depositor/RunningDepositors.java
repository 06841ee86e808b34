package org.marginfall.agents.depositor;

import org.marginfall.core.agent.AgentAccounts;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AtomScale;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.market.Execution;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.venue.LendingVenue;
import org.marginfall.core.venue.Venue;

/**
 * Depositors who supply one asset to a lending venue at set-up and run when the reserve's
 * utilisation or their receipt's value crosses their threshold ({@link RunRule}).
 *
 * <p>Set-up: depositor {@code k} draws, from the population's own stream {@code agents/<id>} and in
 * this order, its amount, its utilisation threshold (if on) and its value-drop threshold (if on),
 * and supplies the amount. The receipt's value per unit of underlying is recorded as its start
 * value.
 *
 * <p>Every trading phase the population draws an order of all its members (a Fisher-Yates shuffle,
 * {@code count - 1} uniforms, drawn whether anyone runs or not, so the stream stays aligned) and
 * serves them in that order, first come first served: each depositor not yet running checks its
 * trigger against the venue as the depositors before it left it; a running depositor redeems as
 * many receipts as the reserve's cash pays for, then sells the rest into the receipt's secondary
 * market if it fire-sells, one exists, and its discount to NAV is at most {@code maxDiscount}.
 * Running is for good: the depositor keeps trying every step until it holds no receipt. Mutable and
 * not thread-safe.
 */
public final class RunningDepositors implements Population {

  private final RunningDepositorsSpec spec;
  private final RandomStream stream;
  private AccountId[] wallets = new AccountId[0];
  private double[] utilisationAbove = new double[0];
  private double[] dropAbove = new double[0];
  private boolean[] running = new boolean[0];
  private double startValue = Double.NaN;

  RunningDepositors(RunningDepositorsSpec spec, RandomStream stream) {
    this.spec = spec;
    this.stream = stream;
  }

  @Override
  public String id() {
    return spec.id();
  }

  @Override
  public void setUp(AgentContext ctx) {
    LendingVenue venue = venue(ctx);
    int n = spec.count();
    wallets = new AccountId[n];
    utilisationAbove = new double[n];
    dropAbove = new double[n];
    running = new boolean[n];
    Precision precision = ctx.precision(spec.asset());
    for (int k = 0; k < n; k++) {
      double units = stream.next(spec.amount());
      utilisationAbove[k] =
          spec.utilisationAbove() == null ? Double.NaN : stream.next(spec.utilisationAbove());
      dropAbove[k] = spec.valueDrop() == null ? Double.NaN : stream.next(spec.valueDrop());
      wallets[k] = AgentAccounts.member(spec.id(), k, n, 4);
      ctx.openAccount(wallets[k]);
      long atoms = precision.floorAtoms(units);
      if (atoms <= 0) {
        continue;
      }
      ctx.endow(wallets[k], spec.asset(), atoms);
      try {
        venue.supply(wallets[k], spec.asset(), atoms);
      } catch (IllegalStateException capReached) {
        // The reserve is at its supply cap: the depositor keeps the asset, as Aave would revert.
      }
    }
    startValue = value(ctx, venue);
  }

  @Override
  public void trade(AgentContext ctx) {
    LendingVenue venue = venue(ctx);
    AssetId receipt = venue.receipt(spec.asset());
    Precision receipts = ctx.precision(receipt);
    for (int k : order()) {
      long held = ctx.balance(wallets[k], receipt);
      if (held <= 0) {
        continue;
      }
      if (!running[k]) {
        double u = venue.utilisation(spec.asset());
        double drop = RunRule.drop(value(ctx, venue), startValue);
        RunRule.Reason why = RunRule.trigger(u, drop, utilisationAbove[k], dropAbove[k]);
        if (why == null) {
          continue;
        }
        running[k] = true;
        ctx.emit(
            new DepositorRun(
                ctx.clock().step(),
                ctx.clock().round(),
                venue.id().value(),
                wallets[k].value(),
                spec.asset().value(),
                why.label(),
                u,
                drop,
                receipts.units(held)));
      }
      exit(ctx, venue, receipt, receipts, k, held);
    }
  }

  /** Redeems what the cash pays for, then fire-sells the rest if allowed. */
  private void exit(
      AgentContext ctx, LendingVenue venue, AssetId receipt, Precision receipts, int k, long held) {
    AtomScale scale = AtomScale.between(receipts, ctx.precision(spec.asset()));
    long redeem =
        RunRule.redeemable(
            held, venue.availableLiquidity(spec.asset()), venue.exchangeRate(spec.asset()), scale);
    long paid = 0;
    if (redeem > 0) {
      paid = venue.withdraw(wallets[k], spec.asset(), redeem);
    }
    long left = held - redeem;
    long sold = 0;
    double proceeds = 0;
    if (left > 0 && spec.fireSale() && ctx.hasMarket(receipt)) {
      double discount =
          RunRule.discount(
              ctx.marketPrice(receipt),
              venue.exchangeRate(spec.asset()),
              ctx.marketPrice(spec.asset()));
      if (discount <= spec.maxDiscount()) {
        Execution e = ctx.sell(wallets[k], receipt, left);
        sold = left;
        proceeds = e.value();
        left = 0;
      }
    }
    if (redeem > 0 || sold > 0) {
      ctx.emit(
          new DepositorExit(
              ctx.clock().step(),
              ctx.clock().round(),
              venue.id().value(),
              wallets[k].value(),
              spec.asset().value(),
              receipts.units(redeem),
              ctx.precision(spec.asset()).units(paid),
              receipts.units(sold),
              proceeds,
              receipts.units(left)));
    }
  }

  /**
   * This step's service order: a Fisher-Yates shuffle of the members from the population's stream.
   */
  private int[] order() {
    int[] order = new int[wallets.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int i = order.length - 1; i > 0; i--) {
      int j = (int) Math.floor(stream.nextUniform() * (i + 1));
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** The receipt's value per unit of underlying now (see {@link RunRule#value}). */
  private double value(AgentContext ctx, LendingVenue venue) {
    return RunRule.value(
        ctx.marketPrice(venue.receipt(spec.asset())), ctx.marketPrice(spec.asset()));
  }

  private LendingVenue venue(AgentContext ctx) {
    Venue v = ctx.venue(spec.venue());
    if (!(v instanceof LendingVenue venue)) {
      throw new IllegalStateException(spec.venue() + " is not a lending venue");
    }
    return venue;
  }
}
