package org.marginfall.core.venue;

import java.util.List;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;

/**
 * A venue that takes collateral and opens perpetual-futures positions, as traders see it.
 *
 * <p>Agents act on perpetual venues only through this interface, so the {@code agents} module never
 * depends on a concrete venue. Implementations are mutable run state and not thread-safe.
 */
public interface PerpetualVenue extends Venue {

  /** The assets this venue lists perpetual markets for. */
  Set<AssetId> markets();

  /** The assets this venue accepts as collateral. */
  Set<AssetId> collateralAssets();

  /** The price the venue marks {@code market} at now (its oracle's last published price). */
  double markPrice(AssetId market);

  /**
   * The highest leverage (notional over margin) that the initial margin of {@code market} allows.
   */
  double maxLeverage(AssetId market);

  /**
   * The venue margin account that holds {@code owner}'s position in {@code market}, opened on first
   * use: one per owner under cross margin, one per owner and market under isolated margin.
   */
  AccountId marginAccount(AccountId owner, AssetId market);

  /**
   * Closes {@code marginAccount}, the margin account opened last, holding no collateral and no
   * position: a set-up that opened it and then could not use it (a snapshot account the venue
   * refused at the start) leaves no account on the venue. Its ledger account stays, empty.
   *
   * @throws IllegalStateException if it is not the account opened last, or holds collateral or a
   *     position
   */
  void discard(AccountId marginAccount);

  /** Moves collateral from {@code from} (an agent's ledger account) into a margin account. */
  void deposit(AccountId from, AccountId marginAccount, AssetId asset, long atoms);

  /**
   * The largest size by which {@code marginAccount} may increase its position in {@code market} on
   * the given side ({@code +1} long, {@code -1} short) right now: the venue's own initial-margin
   * test (tiers, portfolio models and all) passes for any size up to it. Only for increases: a
   * trade against an existing position is not covered.
   */
  double maxOpenSize(AccountId marginAccount, AssetId market, int side);

  /**
   * Opens or adds to a position of {@code size} units (negative: short) at the oracle price.
   *
   * @throws IllegalStateException if the account would not meet its initial margin afterwards
   */
  void open(AccountId marginAccount, AssetId market, double size);

  /**
   * Loads positions held before the run (from a snapshot) into {@code marginAccount}, all at once:
   * each at its own entry price, without a trade, a fee or market impact, so its unrealised PnL at
   * the venue's mark counts in equity from the start. The account is tested once, with every
   * position in place (a hedge counts as a hedge), against the venue's liquidation test.
   *
   * @throws IllegalStateException if the account holds a position already, or would be liquidatable
   *     at once (equity below its maintenance requirement at the current marks); nothing moves
   * @throws IllegalArgumentException if a market is not listed, named twice, or (under isolated
   *     margin) not the account's own market
   */
  void load(AccountId marginAccount, List<HeldPosition> positions);

  /**
   * Reduces the position of {@code marginAccount} in {@code market} toward zero by {@code |size|}
   * units (at most the whole position: a reduction never flips or grows it), executed through the
   * market's shared book like a liquidation close, with PnL realised at the execution price.
   *
   * @throws IllegalStateException if there is no position, or the account cannot pay the realised
   *     loss in base currency (nothing moves)
   * @throws IllegalArgumentException if {@code size} is not a finite non-zero number
   */
  void reduce(AccountId marginAccount, AssetId market, double size);

  /** The margin state of an account at current oracle prices. */
  MarginState marginState(AccountId marginAccount);

  /**
   * Withdraws {@code atoms} of collateral {@code asset} from {@code marginAccount} to {@code to}
   * (an agent's ledger account). Only free collateral leaves: withdrawable = equity − initial
   * margin requirement (Hyperliquid docs, Margining; docs/sources.md: a transfer out needs the
   * remaining margin to cover the initial requirement).
   *
   * @throws IllegalStateException if the account holds fewer than {@code atoms} or its equity would
   *     fall below its initial margin requirement afterwards (nothing moves)
   * @throws IllegalArgumentException if {@code atoms} is not positive or the asset is not
   *     collateral
   */
  void withdraw(AccountId marginAccount, AssetId asset, long atoms, AccountId to);
}
