package org.marginfall.core.contagion;

import java.util.Comparator;
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

  private static final Comparator<Component> ORDER =
      Comparator.comparing(Component::source).thenComparing(Component::kind);

  /** Checks the parts. */
  public Component {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(kind, "kind");
  }

  @Override
  public int compareTo(Component o) {
    return ORDER.compare(this, o);
  }
}
