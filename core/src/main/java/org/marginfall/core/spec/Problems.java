package org.marginfall.core.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every validation failure of a scenario, so a user sees them all at once.
 *
 * <p>Mutable and not thread-safe.
 */
public final class Problems {

  private final List<Problem> list = new ArrayList<>();

  /** Adds a failure. */
  public void add(String path, String message) {
    list.add(new Problem(path, message));
  }

  /**
   * A mark at the failures found so far: a reader takes one before a part and asks it afterwards
   * whether the part failed, instead of carrying a count to compare.
   */
  public Mark mark() {
    return new Mark(this, list.size());
  }

  /** Whether there are no failures. */
  public boolean isEmpty() {
    return list.isEmpty();
  }

  /** The failures in the order found. */
  public List<Problem> all() {
    return List.copyOf(list);
  }

  /**
   * The failures found up to a point of reading; see {@link Problems#mark()}. Immutable (the list
   * it watches is not).
   *
   * @param problems the list watched
   * @param count the failures it held when marked
   */
  public record Mark(Problems problems, int count) {

    /** Whether failures were added since this mark. */
    public boolean failed() {
      return problems.list.size() > count;
    }

    /** Whether no failure was added since this mark. */
    public boolean clean() {
      return !failed();
    }
  }
}
