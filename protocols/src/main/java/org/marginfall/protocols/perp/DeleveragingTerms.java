package org.marginfall.protocols.perp;

import java.util.Objects;

/**
 * The end of the loss waterfall after the insurance fund: auto-deleveraging and socialized loss.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rule how opposite positions are picked; {@link DeleveragingRule#NONE} for no ADL
 * @param socializeLosses whether a loss ADL cannot absorb is shared by the winning traders pro rata
 *     to their positive unrealised PnL (Deribit's insurance fund page) before it becomes bad debt
 */
public record DeleveragingTerms(DeleveragingRule rule, boolean socializeLosses) {

  /** No ADL and no socialized loss: the venue's original behaviour. */
  public static final DeleveragingTerms NONE = new DeleveragingTerms(DeleveragingRule.NONE, false);

  /** Validates the rule. */
  public DeleveragingTerms {
    Objects.requireNonNull(rule, "rule");
  }
}
