package org.marginfall.core.venue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marginfall.core.ledger.AccountId;

/**
 * A margin venue: it holds collateral and positions or loans, marks accounts with its oracle,
 * reports who is liquidatable, executes liquidations and resolves shortfalls through its waterfall.
 *
 * <p>The engine calls {@link #markToMarket()} and {@link #liquidatable()} in every liquidation
 * round, liquidators call {@link #liquidate}, and the engine calls {@link #settle()} once per tick.
 * Implementations are mutable run state and not thread-safe.
 */
public interface Venue {

  /** The venue's id. */
  VenueId id();

  /** The registry name of the venue's type, e.g. {@code perpetual}. */
  String type();

  /** Descriptive attributes for summaries (e.g. the margin mode), in a stable order. */
  Map<String, Object> attributes();

  /** Recomputes every account's margin state from current oracle prices. */
  void markToMarket();

  /**
   * Marks the accounts that could have become liquidatable since the last {@link #markToMarket()}
   * (a price they depend on moved far enough, or their books changed), leaving exactly the {@link
   * #liquidatable()} list a full mark would leave; the states of the other accounts may keep their
   * last mark's values. The engine calls it in liquidation rounds; the record of a step calls
   * {@link #markToMarket()}. The default marks every account.
   */
  default void markLiquidationCandidates() {
    markToMarket();
  }

  /**
   * The margin state of {@code account} computed now from the venue's current oracle prices,
   * without changing any cached mark (contagion attribution calls it under counterfactual prices).
   *
   * @return the state, or null when the venue has no such account
   */
  MarginState marginStateNow(AccountId account);

  /**
   * The accounts that were liquidatable at the last mark, most underwater (lowest health) first.
   */
  List<LiquidationCandidate> liquidatable();

  /**
   * Liquidates {@code account} on behalf of {@code liquidator} if it is still liquidatable at
   * current oracle prices.
   *
   * @param account the venue margin account
   * @param liquidator the liquidator's ledger account, which pays for and receives what it buys
   * @return what was done, or empty when the account is no longer liquidatable or the liquidator
   *     cannot pay what the liquidation needs
   */
  Optional<LiquidationOutcome> liquidate(AccountId account, AccountId liquidator);

  /**
   * Whether {@link #liquidate} would act on {@code account} now for a liquidator able to pay
   * whatever it asks: false when the venue refuses for a reason of its own (the account is not
   * liquidatable, liquidations are paused, a limit leaves no room, nothing is left to seize), which
   * no other liquidator can get past either. Read-only. The default, true, makes liquidators keep
   * offering a refused account to one another.
   */
  default boolean liquidatesNow(AccountId account) {
    return true;
  }

  /**
   * What a liquidator would earn by liquidating {@code candidate} now, in base currency: the fee
   * share, liquidation bonus or keeper incentive as this venue would pay it, estimated at the
   * venue's current prices before the price impact of the liquidation itself. Read-only: it moves
   * nothing and changes no state. Liquidators compare it with their costs.
   *
   * @return the estimate, at least 0; 0 when the venue pays liquidators nothing for this account
   *     (or does not estimate it)
   */
  default double expectedLiquidatorReward(LiquidationCandidate candidate) {
    return 0;
  }

  /** Open collateral auctions (Dutch auctions of CDP venues); empty for venues that have none. */
  default List<AuctionLot> auctions() {
    return List.of();
  }

  /**
   * The open auction {@code lotId} as {@link #auctions()} would list it now, or empty when it is
   * not listed. Venues with many auctions answer without listing them all.
   */
  default Optional<AuctionLot> auction(long lotId) {
    for (AuctionLot lot : auctions()) {
      if (lot.id() == lotId) {
        return Optional.of(lot);
      }
    }
    return Optional.empty();
  }

  /**
   * Buys up to {@code maxAtoms} of a lot's collateral for {@code taker} at the lot's current price,
   * if that price is at most {@code maxPrice}; the taker pays in base currency.
   *
   * @return the purchase, or empty when the lot is gone, too dear, or the taker cannot pay
   */
  default Optional<AuctionTake> take(long lotId, AccountId taker, long maxAtoms, double maxPrice) {
    return Optional.empty();
  }

  /**
   * End-of-tick settlement: the bad-debt waterfall and anything else the venue does once a tick.
   */
  void settle();

  /**
   * The health of every account that carries risk, at the last {@link #markToMarket()}, in account
   * order: the venue's ratio of margin to requirement ({@link MarginState#health()}; a lending
   * venue's health factor; a CDP's collateral value over {@code debt × mat}), so 1 is the
   * liquidation threshold. Accounts without risk (infinite health) are left out. The recorder turns
   * these into quantile bands per tick.
   *
   * @return a new array; empty for a venue that does not report health
   */
  default double[] healthValues() {
    return new double[0];
  }

  /**
   * The length an array passed to {@link #healthValues(double[])} needs now: at least the number of
   * values it writes (a venue returns its number of accounts). The default counts them.
   */
  default int healthCapacity() {
    return healthValues().length;
  }

  /**
   * {@link #healthValues()} written into a caller's array from index 0, so that a recorder reusing
   * one array per venue allocates nothing per tick; the default copies {@link #healthValues()}.
   *
   * @param into at least {@link #healthCapacity()} long; values past the count are left as they
   *     were
   * @return how many values were written
   */
  default int healthValues(double[] into) {
    double[] health = healthValues();
    System.arraycopy(health, 0, into, 0, health.length);
    return health.length;
  }

  /** Cumulative counters and current state for the recorder. */
  VenueSnapshot snapshot();

  /**
   * Checks the venue's own invariants (its books agree with the ledger, every reported state
   * follows its formula).
   *
   * @return one message per violation, empty when consistent
   */
  List<String> audit();
}
