package org.marginfall.protocols.perp.portfolio;

/**
 * How a model arrived at a maintenance requirement, for reports and events.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface RiskBreakdown permits SpanBreakdown, VarBreakdown {}
