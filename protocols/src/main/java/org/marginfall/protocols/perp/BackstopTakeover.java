package org.marginfall.protocols.perp;

import java.util.List;
import org.marginfall.core.contagion.Cause;
import org.marginfall.core.event.LiquidationEvent;

/**
 * The backstop vault took over an account's positions and margin at the mark price: a liquidation
 * whose penalty is the equity handed to the vault ({@code max(0, equity)}). The engine does not
 * attribute takeovers to a cause (its cause is null), so the contagion tables count the book, ADL,
 * lending and auction liquidations only, as the venues' snapshots count them (docs/contagion.md).
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the tick
 * @param round the liquidation round
 * @param venue the venue
 * @param account the account taken over
 * @param notional notional taken over, at the mark
 * @param equity the account's equity at the mark (its collateral value plus uPnL), now the vault's
 * @param maintenance the account's maintenance requirement, not returned to it
 * @param reason {@code below-threshold} or {@code book-shortfall}
 */
public record BackstopTakeover(
    long step,
    int round,
    String venue,
    String account,
    double notional,
    double equity,
    double maintenance,
    String reason)
    implements LiquidationEvent {

  private static final List<String> NOTIONAL_FIELDS = List.of("notional");

  @Override
  public double penalty() {
    return Math.max(0, equity);
  }

  @Override
  public List<String> notionalFields() {
    return NOTIONAL_FIELDS;
  }

  /** Always null: takeovers are not attributed. */
  @Override
  public Cause cause() {
    return null;
  }

  @Override
  public String type() {
    return "backstop_takeover";
  }
}
