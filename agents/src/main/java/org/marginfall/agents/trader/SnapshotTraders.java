package org.marginfall.agents.trader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.agents.snapshot.AccountGroups;
import org.marginfall.agents.snapshot.InvalidRow;
import org.marginfall.agents.snapshot.PerpRow;
import org.marginfall.agents.snapshot.Rejections;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.agent.Population;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.venue.HeldPosition;
import org.marginfall.core.venue.PerpetualVenue;
import org.marginfall.core.venue.Venue;

/**
 * Traders whose accounts are loaded from a position snapshot at set-up and then held, or managed by
 * the same {@link TraderRisk} rules as drawn traders.
 *
 * <p>Accounts load in the order of their first row. Account {@code a} of the file owns the wallet
 * {@code <population>/<a>}; each of its rows goes to the venue margin account that holds its market
 * (one per account under cross and portfolio margin, one per market under isolated), and each
 * margin account is endowed with the sum of its rows' collateral, then loaded with its positions at
 * their entry prices ({@link PerpetualVenue#load}), so the venue marks them from the start. A
 * margin account the venue refuses (it would liquidate it at once) gets its collateral back, pays
 * it out of the model and is discarded ({@link PerpetualVenue#discard}), so a skipped account
 * leaves no trace but its skip record: no balance, no margin account, no top-up reserve (an account
 * all of whose margin accounts were refused draws none). A row whose margin mode differs from the
 * venue's is refused before anything moves. Stop-loss and take-profit measure from the snapshot's
 * entry price; a top-up reserve is drawn from {@code agents/<id>}, one draw per account in load
 * order. Mutable and not thread-safe.
 */
public final class SnapshotTraders implements Population {

  private final SnapshotTradersSpec spec;
  private final RandomStream stream;
  private final TraderBook book;

  SnapshotTraders(SnapshotTradersSpec spec, RandomStream stream) {
    this.spec = spec;
    this.stream = stream;
    this.book = new TraderBook(spec.risk());
  }

  @Override
  public String id() {
    return spec.id();
  }

  @Override
  public void setUp(AgentContext ctx) {
    Venue v = ctx.venue(spec.venue());
    if (!(v instanceof PerpetualVenue venue)) {
      throw new IllegalStateException(spec.venue() + " is not a perpetual venue");
    }
    book.bind(venue);
    Rejections rejections = new Rejections(spec.id(), spec.venue().value(), spec.snapshot());
    String mode = String.valueOf(venue.attributes().get("marginMode"));
    AssetId anyMarket = venue.markets().iterator().next();
    List<PerpRow> rows = spec.rows();
    boolean[] wrongMode = new boolean[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      PerpRow row = rows.get(i);
      if (!row.marginMode().isEmpty() && !row.marginMode().equals(mode)) {
        wrongMode[i] = true;
        rejections.reject(
            row.line(),
            InvalidRow.Reason.MARGIN_MODE,
            "margin mode '" + row.marginMode() + "' is not the venue's (" + mode + ")");
      }
    }
    boolean isolated = mode.equals("isolated");
    AccountGroups accounts = spec.accounts();
    for (int g : loadOrder(accounts, wrongMode)) {
      List<PerpRow> held = new ArrayList<>(accounts.rows(g));
      for (int k = 0; k < accounts.rows(g); k++) {
        int i = accounts.row(g, k);
        if (!wrongMode[i]) {
          held.add(rows.get(i));
        }
      }
      AccountId wallet = AccountId.of(spec.id(), held.get(0).account());
      ctx.openAccount(wallet);
      AccountId reserveAccount = spec.risk().topUp().isPresent() ? wallet.child("reserve") : null;
      book.begin(reserveAccount);
      // Grouped by the margin account that will hold them (one per market under isolated margin),
      // each opened only when it is loaded, so a refused one is the last opened and is discarded.
      Map<AssetId, List<PerpRow>> byMargin;
      if (isolated) {
        byMargin = new LinkedHashMap<>();
        for (PerpRow row : held) {
          AssetId market = row.market() == null ? anyMarket : row.market();
          byMargin.computeIfAbsent(market, a -> new ArrayList<>()).add(row);
        }
      } else {
        byMargin = Map.of(anyMarket, held);
      }
      for (Map.Entry<AssetId, List<PerpRow>> m : byMargin.entrySet()) {
        AccountId margin = venue.marginAccount(wallet, m.getKey());
        if (load(ctx, venue, wallet, margin, m.getValue(), rejections)) {
          book.account(margin);
          for (PerpRow row : m.getValue()) {
            if (row.size() != 0) {
              book.position(row.market(), Math.signum(row.size()), row.entryPrice(), row.size());
            }
          }
        }
      }
      if (!book.beganWithAccounts()) {
        book.drop();
        continue; // every margin account refused: no reserve drawn, nothing to manage
      }
      if (reserveAccount != null) {
        Precision cash = ctx.precision(ctx.baseCurrency());
        long reserve = cash.floorAtoms(stream.next(spec.risk().topUp().get().reserve()));
        ctx.openAccount(reserveAccount);
        if (reserve > 0) {
          ctx.endow(reserveAccount, ctx.baseCurrency(), reserve);
        }
      }
      book.admit(ctx);
    }
    rejections.finish(ctx);
  }

  /**
   * The accounts to load, in the order of their first row of the venue's margin mode: accounts
   * whose every row has another mode are left out.
   */
  private static int[] loadOrder(AccountGroups accounts, boolean[] wrongMode) {
    int[] first = new int[accounts.size()];
    boolean reordered = false;
    int loaded = 0;
    for (int g = 0; g < accounts.size(); g++) {
      first[g] = -1;
      for (int k = 0; k < accounts.rows(g) && first[g] < 0; k++) {
        if (!wrongMode[accounts.row(g, k)]) {
          first[g] = accounts.row(g, k);
        }
      }
      reordered |= first[g] != accounts.row(g, 0);
      loaded += first[g] < 0 ? 0 : 1;
    }
    int[] order = new int[loaded];
    for (int g = 0, j = 0; g < accounts.size(); g++) {
      if (first[g] >= 0) {
        order[j++] = g;
      }
    }
    if (reordered) {
      // A first row refused for its mode: the account comes at its first row that loads.
      order =
          java.util.Arrays.stream(order)
              .boxed()
              .sorted(java.util.Comparator.comparingInt(g -> first[g]))
              .mapToInt(Integer::intValue)
              .toArray();
    }
    return order;
  }

  /**
   * Endows and loads one margin account; on the venue's refusal, returns the collateral to the
   * outside, discards the account and records every row of it.
   *
   * @return whether the account was loaded
   */
  private static boolean load(
      AgentContext ctx,
      PerpetualVenue venue,
      AccountId wallet,
      AccountId margin,
      List<PerpRow> rows,
      Rejections rejections) {
    Map<AssetId, Double> units = new LinkedHashMap<>();
    List<HeldPosition> positions = new ArrayList<>();
    for (PerpRow row : rows) {
      row.collateral().forEach((asset, u) -> units.merge(asset, u, Double::sum));
      if (row.size() != 0) {
        positions.add(new HeldPosition(row.market(), row.size(), row.entryPrice()));
      }
    }
    Map<AssetId, Long> deposited = new LinkedHashMap<>();
    for (Map.Entry<AssetId, Double> c : units.entrySet()) {
      long atoms = ctx.precision(c.getKey()).floorAtoms(c.getValue());
      if (atoms > 0) {
        ctx.endow(wallet, c.getKey(), atoms);
        venue.deposit(wallet, margin, c.getKey(), atoms);
        deposited.put(c.getKey(), atoms);
      }
    }
    if (positions.isEmpty()) {
      return true;
    }
    try {
      venue.load(margin, positions);
      return true;
    } catch (IllegalStateException refused) {
      for (Map.Entry<AssetId, Long> d : deposited.entrySet()) {
        venue.withdraw(margin, d.getKey(), d.getValue(), wallet);
        ctx.payOut(wallet, d.getKey(), d.getValue());
      }
      venue.discard(margin);
      for (PerpRow row : rows) {
        rejections.reject(
            row.line(),
            InvalidRow.Reason.REJECTED_AT_START,
            "account " + row.account() + ": " + refused.getMessage());
      }
      return false;
    }
  }

  @Override
  public void trade(AgentContext ctx) {
    book.trade(ctx);
  }
}
