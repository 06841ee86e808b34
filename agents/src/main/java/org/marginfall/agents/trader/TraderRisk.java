package org.marginfall.agents.trader;

import java.util.Objects;
import java.util.Optional;

/**
 * The risk management of directional traders after set-up: stop-loss and take-profit exits, margin
 * top-up from a reserve and panic selling. All off ({@link #NONE}) makes the traders hold their
 * positions untouched, as they always did.
 *
 * <p>Exits are measured as the move of the venue's mark price from the mark at entry, in the
 * position's favour: {@code move = side (mark - entryMark) / entryMark}; the position is closed
 * when {@code move <= -stopLoss} or {@code move >= takeProfit}. Immutable and thread-safe.
 *
 * @param stopLoss adverse mark move that closes a position, in (0, 1); 0: off
 * @param takeProfit favourable mark move that closes a position, > 0; 0: off
 * @param topUp margin top-up from a reserve, if any
 * @param panic panic selling, if any
 */
public record TraderRisk(
    double stopLoss, double takeProfit, Optional<TopUp> topUp, Optional<Panic> panic) {

  /** No exits, no top-up, no panic. */
  public static final TraderRisk NONE = new TraderRisk(0, 0, Optional.empty(), Optional.empty());

  /** Validates the fields. */
  public TraderRisk {
    if (!(stopLoss >= 0 && stopLoss < 1)) {
      throw new IllegalArgumentException("stopLoss: must be in [0, 1), was " + stopLoss);
    }
    if (!(takeProfit >= 0 && Double.isFinite(takeProfit))) {
      throw new IllegalArgumentException("takeProfit: must be finite and >= 0, was " + takeProfit);
    }
    Objects.requireNonNull(topUp, "topUp");
    Objects.requireNonNull(panic, "panic");
  }

  /** Whether the traders do anything after set-up. */
  public boolean active() {
    return stopLoss > 0 || takeProfit > 0 || topUp.isPresent() || panic.isPresent();
  }

  /**
   * The position's mark move from entry in its favour: {@code side (mark - entryMark) / entryMark}.
   */
  public static double favourableMove(double side, double entryMark, double mark) {
    return side * (mark - entryMark) / entryMark;
  }

  /** Whether a position with this favourable move is closed: stop-loss or take-profit reached. */
  public boolean exits(double move) {
    return (stopLoss > 0 && move <= -stopLoss) || (takeProfit > 0 && move >= takeProfit);
  }

  /**
   * The base currency a top-up moves into an account: {@code target * MMR - equity} when health
   * {@code equity / MMR} is below {@code below} and the account carries risk, else 0 (before
   * capping at the reserve).
   */
  public static double topUpNeed(double equity, double maintenance, double below, double target) {
    if (!(maintenance > 0) || equity >= below * maintenance) {
      return 0;
    }
    return target * maintenance - equity;
  }
}
