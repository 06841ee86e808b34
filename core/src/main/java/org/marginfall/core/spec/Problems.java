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

  /** The number of failures so far; pass to {@link #since(int)} to see if a part added any. */
  public int count() {
    return list.size();
  }

  /** Whether failures were added after {@code mark} (a previous {@link #count()}). */
  public boolean since(int mark) {
    return list.size() > mark;
  }

  /** Whether there are no failures. */
  public boolean isEmpty() {
    return list.isEmpty();
  }

  /** The failures in the order found. */
  public List<Problem> all() {
    return List.copyOf(list);
  }
}
