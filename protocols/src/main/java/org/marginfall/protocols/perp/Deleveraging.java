package org.marginfall.protocols.perp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import org.marginfall.core.ledger.AccountId;

/**
 * Which opposite positions auto-deleveraging closes, and by how much, as pure functions.
 *
 * <p>Stateless and thread-safe.
 */
public final class Deleveraging {

  /** Highest score first, ties by account id. */
  private static final Comparator<Opposite> RANK =
      Comparator.comparingDouble((Opposite o) -> -o.score()).thenComparing(Opposite::account);

  private Deleveraging() {}

  /**
   * An opposite position eligible for deleveraging.
   *
   * @param account its margin account
   * @param size absolute size in units
   * @param score its ADL ranking score (used by {@link DeleveragingRule#PNL_LEVERAGE})
   */
  public record Opposite(AccountId account, double size, double score) {

    /** Validates the size. */
    public Opposite {
      Objects.requireNonNull(account, "account");
      if (!(size > 0)) {
        throw new IllegalArgumentException("size: must be > 0, was " + size);
      }
    }
  }

  /**
   * One deleveraging fill.
   *
   * @param account the counterparty's margin account
   * @param quantity absolute units closed against the bankrupt position
   */
  public record Fill(AccountId account, double quantity) {}

  /**
   * Binance's ADL ranking (FAQ 360033525471, venues.md 6.1): {@code PnL% * effectiveLeverage} when
   * PnL% is positive, {@code PnL% / effectiveLeverage} otherwise, with {@code PnL% = uPnL / |entry
   * notional|} and {@code effectiveLeverage = |mark notional| / (mark value - bankruptcy value)},
   * here the position's notional over its account's equity.
   */
  public static double score(double unrealisedPnl, double entryNotional, double markNotional, double equity) {
    double pnlPercent = unrealisedPnl / Math.abs(entryNotional);
    double leverage = equity > 0 ? Math.abs(markNotional) / equity : Double.POSITIVE_INFINITY;
    return pnlPercent > 0 ? pnlPercent * leverage : pnlPercent / leverage;
  }

  /**
   * The fills that close {@code quantity} units of a bankrupt position against {@code opposites}
   * (given in account order), under {@code rule}; they add up to {@code min(quantity, sum of
   * sizes)}.
   *
   * <ul>
   *   <li>{@code pnl-leverage}: highest score first, ties by account id; each filled up to its size.
   *   <li>{@code pro-rata}: each opposite gives {@code quantity * size / sum(size)} (all of its size
   *       when the opposites hold less than {@code quantity}).
   *   <li>{@code random-start}: from {@code opposites[startIndex]} on in account order, wrapping
   *       around (dYdX v4 x/clob/keeper/deleveraging.go, venues.md 4.2).
   * </ul>
   */
  public static List<Fill> allocate(
      DeleveragingRule rule, List<Opposite> opposites, double quantity, int startIndex) {
    List<Fill> out = new ArrayList<>();
    if (opposites.isEmpty() || !(quantity > 0)) {
      return out;
    }
    switch (rule) {
      case PNL_LEVERAGE -> {
        // A few of the best ranked usually fill the bankrupt size: take them off a heap in rank
        // order instead of sorting every opposite position (the same order, ties by account id).
        PriorityQueue<Opposite> ranked = new PriorityQueue<>(Math.max(1, opposites.size()), RANK);
        ranked.addAll(opposites);
        double left = quantity;
        while (left > 0 && !ranked.isEmpty()) {
          Opposite o = ranked.poll();
          double q = Math.min(left, o.size());
          out.add(new Fill(o.account(), q));
          left -= q;
        }
      }
      case PRO_RATA -> {
        double total = 0;
        for (Opposite o : opposites) {
          total += o.size();
        }
        for (Opposite o : opposites) {
          out.add(new Fill(o.account(), total <= quantity ? o.size() : quantity * o.size() / total));
        }
      }
      case RANDOM_START -> {
        int n = opposites.size();
        if (startIndex < 0 || startIndex >= n) {
          throw new IllegalArgumentException("startIndex: must be in [0, " + n + "), was " + startIndex);
        }
        List<Opposite> rotated = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
          rotated.add(opposites.get((startIndex + k) % n));
        }
        fillInOrder(rotated, quantity, out);
      }
      case NONE -> throw new IllegalArgumentException("rule: none allocates nothing");
    }
    return out;
  }

  /** The start index of {@code random-start} for a uniform draw {@code u} in [0, 1) over {@code n} opposites. */
  public static int startIndex(double u, int n) {
    return Math.min(n - 1, (int) Math.floor(u * n));
  }

  private static void fillInOrder(List<Opposite> ordered, double quantity, List<Fill> out) {
    double left = quantity;
    for (Opposite o : ordered) {
      if (left <= 0) {
        break;
      }
      double q = Math.min(left, o.size());
      out.add(new Fill(o.account(), q));
      left -= q;
    }
  }
}
