package org.marginfall.core.contagion;

import java.util.Objects;

/**
 * One part of an endogenous price move: who produced it and what kind of move it is.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the venue and generation whose events produced it
 * @param kind market impact or NAV loss
 */
public record Component(Source source, CauseKind kind) implements Comparable<Component> {

  /** Checks the parts. */
  public Component {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(kind, "kind");
  }

  /** Source first, then kind in declaration order. */
  @Override
  public int compareTo(Component o) {
    int c = source.compareTo(o.source);
    return c != 0 ? c : kind.compareTo(o.kind);
  }
}
