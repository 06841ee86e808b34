package org.marginfall.protocols.cdp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The formulas of MakerDAO Liquidations 2.0 over explicit integer amounts (ledger atoms: debt, tabs
 * and incentives in atoms of the base currency, collateral in atoms of the collateral, which may
 * have other decimals), so that each rule can be checked by hand without a venue.
 *
 * <p>Where the contracts round (WAD/RAY fixed point), these round the same way: down for amounts
 * the system hands out or sizes (dart, dink, tab, incentives, slices), up for what a bidder pays.
 * Stateless and thread-safe.
 */
public final class Liquidations2Math {

  private Liquidations2Math() {}

  /**
   * What {@code Dog.bark} takes from a vault.
   *
   * @param due debt moved to the Vow's queue ({@code dart * rate}), atoms
   * @param dink collateral moved to the auction, atoms
   * @param tab debt plus penalty the auction must raise ({@code due * chop}), atoms
   */
  public record Bark(long due, long dink, long tab) {}

  /**
   * What one {@code Clipper.take} exchanges.
   *
   * @param slice collateral the bidder receives, atoms
   * @param owe base currency the bidder pays, atoms
   */
  public record Take(long slice, long owe) {}

  /**
   * dog.sol {@code bark}: {@code room = min(Hole - Dirt, ilk.hole - ilk.dirt)}, required positive
   * and at least {@code dust}; {@code dart = min(art, room / rate / chop)}; a partial liquidation
   * that would leave a dusty vault takes the whole vault instead, and one that would start a dusty
   * auction is refused; {@code dink = ink * dart / art}; {@code tab = due * chop}.
   *
   * @return the amounts, or empty when the limits leave no room or the auction would be dusty
   */
  public static Optional<Bark> bark(
      long ink, long debt, long globalRoom, long ilkRoom, long dust, double chop) {
    long room = Math.min(globalRoom, ilkRoom);
    if (ink <= 0 || debt <= 0 || room <= 0 || room < dust) {
      return Optional.empty();
    }
    long due =
        Math.min(
            debt,
            BigDecimal.valueOf(room)
                .divide(BigDecimal.valueOf(chop), 0, RoundingMode.FLOOR)
                .longValueExact());
    if (due < debt) {
      if (debt - due < dust) {
        due = debt;
      } else if (due < dust) {
        return Optional.empty();
      }
    }
    long dink =
        due == debt
            ? ink
            : BigInteger.valueOf(ink)
                .multiply(BigInteger.valueOf(due))
                .divide(BigInteger.valueOf(debt))
                .longValueExact();
    if (dink <= 0) {
      return Optional.empty();
    }
    return Optional.of(new Bark(due, dink, mulFloor(due, chop)));
  }

  /**
   * clip.sol {@code kick}/{@code redo}: the keeper incentive {@code coin = tip + wmul(tab, chip)}.
   */
  public static long incentive(long tip, double chip, long tab) {
    return Math.addExact(tip, mulFloor(tab, chip));
  }

  /**
   * clip.sol {@code chost = wmul(dust, dog.chop(ilk))}: the smallest tab a partial take may leave.
   */
  public static long chost(long dust, double chop) {
    return mulFloor(dust, chop);
  }

  /**
   * clip.sol {@code status}: an auction needs a reset when {@code now - tic > tail} or {@code price
   * / top < cusp}.
   */
  public static boolean needsRedo(
      double elapsedSeconds, double tail, double price, double top, double cusp) {
    return elapsedSeconds > tail || price / top < cusp;
  }

  /**
   * clip.sol {@code take}: {@code slice = min(lot, amt)}, {@code owe = slice * price}; if {@code
   * owe > tab} the bidder pays just the tab, {@code slice = tab / price}; else if a partial take
   * would leave {@code tab - owe < chost}, it pays {@code tab - chost} (refused when {@code tab <=
   * chost}: "no-partial-purchase").
   *
   * @return the exchange, or empty when nothing can be bought
   */
  public static Optional<Take> take(long lot, long tab, long amt, double price, long chost) {
    return take(lot, tab, amt, price, chost, 0);
  }

  /**
   * {@link #take(long, long, long, double, long)} with the collateral ({@code lot}, {@code amt},
   * the slice) and the base currency ({@code tab}, {@code chost}, the owe) counted at different
   * decimals.
   *
   * @param shift the base currency's decimals minus the collateral's: one collateral atom at {@code
   *     price} is worth {@code price * 10^shift} base atoms
   */
  public static Optional<Take> take(
      long lot, long tab, long amt, double price, long chost, int shift) {
    if (lot <= 0 || tab <= 0 || amt <= 0 || !(price > 0)) {
      return Optional.empty();
    }
    long slice = Math.min(lot, amt);
    long owe = ceilValue(slice, price, shift);
    if (owe > tab) {
      owe = tab;
      slice = Math.min(slice, divFloor(tab, price, shift));
    } else if (owe < tab && slice < lot && tab - owe < chost) {
      if (tab <= chost) {
        return Optional.empty();
      }
      owe = tab - chost;
      slice = divFloor(owe, price, shift);
    }
    if (slice <= 0 || owe <= 0) {
      return Optional.empty();
    }
    return Optional.of(new Take(slice, owe));
  }

  /** {@code atoms * factor}, rounded down to whole atoms, formed in decimal. */
  static long mulFloor(long atoms, double factor) {
    return BigDecimal.valueOf(atoms)
        .multiply(BigDecimal.valueOf(factor))
        .setScale(0, RoundingMode.FLOOR)
        .longValueExact();
  }

  /**
   * The value of {@code atoms} of collateral at {@code price}, rounded up to whole base atoms, the
   * base currency counting {@code shift} more decimals than the collateral.
   */
  static long ceilValue(long atoms, double price, int shift) {
    return BigDecimal.valueOf(atoms)
        .multiply(BigDecimal.valueOf(price))
        .movePointRight(shift)
        .setScale(0, RoundingMode.CEILING)
        .longValueExact();
  }

  /**
   * {@code value} base atoms over {@code price} in collateral atoms, rounded down, the base
   * currency counting {@code shift} more decimals than the collateral.
   */
  static long divFloor(long value, double price, int shift) {
    return BigDecimal.valueOf(value)
        .movePointLeft(shift)
        .divide(BigDecimal.valueOf(price), 0, RoundingMode.FLOOR)
        .longValueExact();
  }
}
