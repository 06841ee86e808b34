package org.marginfall.core.event;

/**
 * Receives the events of a run in the order they happen.
 *
 * <p>Implementations belong to one run and need not be thread-safe.
 */
@FunctionalInterface
public interface EventSink {

  /** Records one event. */
  void emit(SimEvent event);
}
