package org.marginfall.protocols.perp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.marginfall.core.ledger.AccountId;

/**
 * Which opposite positions auto-deleveraging closes, and by how much, as pure functions.
 *
 * <p>Stateless and thread-safe.
 */
public final class Deleveraging {

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
   * Binance's ADL ranking (FAQ 360033525471): {@code PnL% * effectiveLeverage} when PnL% is
   * positive, {@code PnL% / effectiveLeverage} otherwise, with {@code PnL% = uPnL / |entry
   * notional|} and {@code effectiveLeverage = |mark notional| / (mark value - bankruptcy value)},
   * here the position's notional over its account's equity.
   */
  public static double score(
      double unrealisedPnl, double entryNotional, double markNotional, double equity) {
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
   *   <li>{@code pnl-leverage}: highest score first, ties by account id; each filled up to its
   *       size.
   *   <li>{@code pro-rata}: each opposite gives {@code quantity * size / sum(size)} (all of its
   *       size when the opposites hold less than {@code quantity}).
   *   <li>{@code random-start}: from {@code opposites[startIndex]} on in account order, wrapping
   *       around (dYdX v4 x/clob/keeper/deleveraging.go).
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
        int m = opposites.size();
        AccountId[] accounts = new AccountId[m];
        double[] sizes = new double[m];
        double[] scores = new double[m];
        for (int k = 0; k < m; k++) {
          Opposite o = opposites.get(k);
          accounts[k] = o.account();
          sizes[k] = o.size();
          scores[k] = o.score();
        }
        return byRank(accounts, sizes, scores, m, quantity);
      }
      case PRO_RATA -> {
        double total = 0;
        for (Opposite o : opposites) {
          total += o.size();
        }
        for (Opposite o : opposites) {
          out.add(
              new Fill(o.account(), total <= quantity ? o.size() : quantity * o.size() / total));
        }
      }
      case RANDOM_START -> {
        int n = opposites.size();
        if (startIndex < 0 || startIndex >= n) {
          throw new IllegalArgumentException(
              "startIndex: must be in [0, " + n + "), was " + startIndex);
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

  /**
   * The {@code pnl-leverage} fills of {@code quantity} over the first {@code m} opposite positions
   * given as parallel arrays (account, absolute size, score): highest score first, ties by account
   * id, each filled up to its size. A bankrupt position is usually filled by a few of many
   * opposites, so they are taken off a heap of indices (built in linear time) rather than sorted.
   */
  public static List<Fill> byRank(
      AccountId[] accounts, double[] sizes, double[] scores, int m, double quantity) {
    List<Fill> out = new ArrayList<>();
    int[] heap = new int[m];
    for (int k = 0; k < m; k++) {
      heap[k] = k;
    }
    for (int k = m / 2 - 1; k >= 0; k--) {
      siftDown(heap, k, m, accounts, scores);
    }
    int left = m;
    double rest = quantity;
    while (rest > 0 && left > 0) {
      int best = heap[0];
      heap[0] = heap[--left];
      siftDown(heap, 0, left, accounts, scores);
      double q = Math.min(rest, sizes[best]);
      out.add(new Fill(accounts[best], q));
      rest -= q;
    }
    return out;
  }

  private static void siftDown(
      int[] heap, int at, int size, AccountId[] accounts, double[] scores) {
    int k = at;
    while (true) {
      int child = 2 * k + 1;
      if (child >= size) {
        return;
      }
      if (child + 1 < size && ranksBefore(heap[child + 1], heap[child], accounts, scores)) {
        child++;
      }
      if (!ranksBefore(heap[child], heap[k], accounts, scores)) {
        return;
      }
      int t = heap[k];
      heap[k] = heap[child];
      heap[child] = t;
      k = child;
    }
  }

  /**
   * Whether opposite {@code a} ranks before {@code b}: as sorting by -score, then by account id.
   */
  private static boolean ranksBefore(int a, int b, AccountId[] accounts, double[] scores) {
    int c = Double.compare(-scores[a], -scores[b]);
    return c != 0 ? c < 0 : accounts[a].compareTo(accounts[b]) < 0;
  }

  /**
   * The start index of {@code random-start} for a uniform draw {@code u} in [0, 1) over {@code n}
   * opposites.
   */
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
