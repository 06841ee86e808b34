package org.marginfall.protocols.cdp;

import java.util.List;
import org.marginfall.core.contagion.Cause;
import org.marginfall.core.event.AttributedLiquidation;
import org.marginfall.core.event.AuctionOpening;

/**
 * {@code Dog.bark} started a Clipper auction for (part of) a vault, or {@code Cat.bite} a Flipper
 * auction: a liquidation of the vault whose notional is the {@code tab} and whose penalty is the
 * chop, {@code tab - due}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round
 * @param venue the venue
 * @param vault the barked vault
 * @param keeper who barked (and was paid the incentive)
 * @param asset the collateral
 * @param lotId the auction
 * @param lot collateral moved to the auction, units
 * @param due debt moved to the Vow's queue, base units
 * @param tab debt plus penalty the auction must raise, base units
 * @param top the starting price
 * @param incentive keeper incentive {@code tip + chip * tab} paid, base units
 * @param partial whether the hole limits left part of the vault's debt in place
 * @param cause why it happened (docs/contagion.md, "Attribution: cause and generation"), filled in
 *     by the engine
 */
public record AuctionStarted(
    long step,
    int round,
    String venue,
    String vault,
    String keeper,
    String asset,
    long lotId,
    double lot,
    double due,
    double tab,
    double top,
    double incentive,
    boolean partial,
    Cause cause)
    implements AttributedLiquidation, AuctionOpening {

  private static final List<String> NOTIONAL_FIELDS = List.of("tab");

  /** The event as a venue emits it, before the engine attributes its cause. */
  public AuctionStarted(
      long step,
      int round,
      String venue,
      String vault,
      String keeper,
      String asset,
      long lotId,
      double lot,
      double due,
      double tab,
      double top,
      double incentive,
      boolean partial) {
    this(
        step, round, venue, vault, keeper, asset, lotId, lot, due, tab, top, incentive, partial,
        null);
  }

  /** The barked vault. */
  @Override
  public String account() {
    return vault;
  }

  @Override
  public double notional() {
    return tab;
  }

  @Override
  public double penalty() {
    return tab - due;
  }

  @Override
  public List<String> notionalFields() {
    return NOTIONAL_FIELDS;
  }

  @Override
  public AuctionStarted withCause(Cause cause) {
    return new AuctionStarted(
        step, round, venue, vault, keeper, asset, lotId, lot, due, tab, top, incentive, partial,
        cause);
  }

  @Override
  public String type() {
    return "auction_started";
  }
}
