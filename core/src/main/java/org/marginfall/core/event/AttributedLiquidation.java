package org.marginfall.core.event;

/**
 * A {@link LiquidationEvent} the engine attributes to a cause (docs/contagion.md, "Attribution:
 * cause and generation"): what it attributes is the liquidated account and its notional.
 *
 * <p>Implementations are immutable records and thread-safe.
 */
public interface AttributedLiquidation extends LiquidationEvent, Attributable {

  @Override
  default String attributedAccount() {
    return account();
  }

  @Override
  default double attributedValue() {
    return notional();
  }

  @Override
  default boolean badDebtEvent() {
    return false;
  }
}
