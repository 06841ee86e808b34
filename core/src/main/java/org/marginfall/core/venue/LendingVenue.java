package org.marginfall.core.venue;

import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;

/**
 * A pooled lending venue (Aave-like), as lenders and borrowers see it: reserves of several assets
 * that take supply against receipt tokens and lend to accounts whose supplied collateral secures
 * their debt.
 *
 * <p>Agents act on lending venues only through this interface, so the {@code agents} module never
 * depends on a concrete venue. Quantities are ledger atoms of the named asset; values are in base
 * currency at the venue's oracle prices. Implementations are mutable run state and not thread-safe.
 */
public interface LendingVenue extends Venue {

  /** The underlying assets the venue has reserves for, in reserve order. */
  Set<AssetId> reserveAssets();

  /** The receipt token (a derived asset) the venue issues to suppliers of {@code asset}. */
  AssetId receipt(AssetId asset);

  /** Underlying units one receipt unit of {@code asset}'s reserve redeems for now (>= 0). */
  double exchangeRate(AssetId asset);

  /** The price the venue values {@code asset} at now (its oracle's last published price). */
  double price(AssetId asset);

  /** The loan-to-value ratio of {@code asset} as collateral: the most a borrow may reach. */
  double loanToValue(AssetId asset);

  /** Whether {@code asset}'s reserve lends. */
  boolean borrowable(AssetId asset);

  /**
   * The utilisation of {@code asset}'s reserve now, {@code debt / (cash + debt)} (0 when empty):
   * the share of its deposits lent out, which lenders watch for a run.
   */
  double utilisation(AssetId asset);

  /**
   * The atoms of {@code asset} the reserve holds in cash now (Aave's available liquidity): the most
   * that withdrawals and borrows can take out.
   */
  long availableLiquidity(AssetId asset);

  /**
   * Supplies {@code atoms} of {@code asset} from {@code from} to the reserve; {@code from} receives
   * the receipts (a lender's supply, not collateral of any account).
   *
   * @return receipt atoms minted
   * @throws IllegalStateException if the supply cap would be exceeded (nothing moves)
   * @throws IllegalArgumentException if {@code atoms} is not positive or buys no receipt atom
   */
  long supply(AccountId from, AssetId asset, long atoms);

  /**
   * Redeems {@code receiptAtoms} of {@code asset}'s receipt held by {@code holder} for underlying.
   *
   * @return underlying atoms paid
   * @throws IllegalStateException if the reserve lacks the cash (nothing moves)
   */
  long withdraw(AccountId holder, AssetId asset, long receiptAtoms);

  /** The venue account that holds {@code owner}'s collateral and debt, opened on first use. */
  AccountId account(AccountId owner);

  /**
   * Closes {@code account}, the venue account opened last, holding no collateral, receipts or debt:
   * a set-up that opened it and then undid what it did (a snapshot account the venue refused at the
   * start) leaves no account on the venue, and the reserves' debt totals are again exactly what
   * they were when it was opened. Its ledger account stays, empty.
   *
   * @throws IllegalStateException if it is not the account opened last, or holds anything or owes
   */
  void discard(AccountId account);

  /**
   * Supplies {@code atoms} of {@code asset} from {@code from} as collateral of {@code account}: the
   * receipts are held by the venue account, which the venue can seize in a liquidation.
   *
   * @throws IllegalStateException if the supply cap would be exceeded (nothing moves)
   */
  void depositCollateral(AccountId from, AccountId account, AssetId asset, long atoms);

  /**
   * Borrows {@code atoms} of {@code asset} against {@code account}'s collateral, paid to {@code
   * to}.
   *
   * @throws IllegalStateException if the borrow would exceed the account's loan-to-value limit, the
   *     reserve's cash or its borrow cap (nothing moves)
   */
  void borrow(AccountId account, AssetId asset, long atoms, AccountId to);

  /**
   * Records {@code atoms} of {@code asset} that {@code account} already owes (an account loaded
   * from a snapshot), paid to {@code to}: as {@link #borrow}, except that the test is the venue's
   * liquidation test instead of its loan-to-value limit, since a venue holds an open position
   * between the two (Aave v3 GenericLogic: liquidatable only when HF = Σ collateral × liquidation
   * threshold / Σ debt is below 1).
   *
   * @throws IllegalStateException if the account's health factor after the debt would be below 1,
   *     or the reserve lacks the cash or the borrow cap (nothing moves)
   */
  void openDebt(AccountId account, AssetId asset, long atoms, AccountId to);

  /**
   * Repays up to {@code atoms} of {@code account}'s debt in {@code asset} from {@code from}.
   *
   * @return atoms actually repaid (at most the debt)
   */
  long repay(AccountId from, AccountId account, AssetId asset, long atoms);

  /**
   * Withdraws {@code receiptAtoms} of {@code asset}'s receipt, held as collateral by {@code
   * account}, to {@code to} (the receipts move; nothing is redeemed).
   *
   * @throws IllegalStateException if the account holds fewer receipts, or its health factor after
   *     the withdrawal would be below 1 (Aave ValidationLogic.validateHFAndLtv; nothing moves)
   * @throws IllegalArgumentException if {@code receiptAtoms} is not positive
   */
  void withdrawCollateral(AccountId account, AssetId asset, long receiptAtoms, AccountId to);

  /** {@code account}'s debt in {@code asset}, in units, with interest accrued so far. */
  double debt(AccountId account, AssetId asset);

  /** Σ(collateral value × liquidation threshold) / Σ debt value; +infinity without debt. */
  double healthFactor(AccountId account);
}
