package org.marginfall.core.event;

import java.util.List;
import org.marginfall.core.contagion.Cause;

/**
 * The one definition of a liquidation: an event in which a venue takes (part of) an account's
 * positions or debt away from its owner because the account was liquidatable. Every venue family
 * implements this for its liquidation-like events (a perpetual close, a lending liquidation call, a
 * CDP auction kick, a backstop takeover), and whatever counts liquidations counts these and nothing
 * else: the twins' owner outcomes, the run report's liquidation rounds and its notional by
 * generation (through the kinds a run lists in {@code manifest.json}, docs/outputs.md).
 *
 * <p>Kinds that the engine attributes to a cause (docs/contagion.md) are also {@link Attributable};
 * the others (a backstop takeover) report a null {@link #cause()}. Implementations are immutable
 * records and thread-safe; these accessors are not record components, so they add nothing to {@code
 * events.jsonl}.
 */
public interface LiquidationEvent extends VenueEvent {

  /** The venue account liquidated. */
  String account();

  /**
   * Base currency liquidated: the notional closed, repaid or taken over (for the attributed kinds,
   * what the venue adds to its snapshot's {@code liquidatedNotional}).
   */
  double notional();

  /** Equity the owner lost to the liquidation's penalty (fee, bonus, chop), base currency. */
  double penalty();

  /**
   * The fields of this event as written to {@code events.jsonl} whose product is {@link
   * #notional()}, so that a reader of the file can count notional without knowing the family.
   */
  List<String> notionalFields();

  /** The cause the engine attributed, null for kinds it does not attribute or before it did. */
  Cause cause();
}
