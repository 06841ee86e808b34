package org.marginfall.core.ledger;

import java.util.regex.Pattern;

/**
 * Identifies a ledger account, as a path such as {@code perp-a/traders/0007} or {@code market/ETH}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the path: identifier segments separated by '/'
 */
public record AccountId(String value) implements Comparable<AccountId> {

  private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");

  /** Validates the path. */
  public AccountId {
    if (value == null || !PATH.matcher(value).matches()) {
      throw new IllegalArgumentException("account id: must be a '/'-separated path of identifiers, was '" + value + "'");
    }
  }

  /** Returns the account id for the path segments joined by '/'. */
  public static AccountId of(String first, String... more) {
    StringBuilder b = new StringBuilder(first);
    for (String s : more) {
      b.append('/').append(s);
    }
    return new AccountId(b.toString());
  }

  /** The account id of a sub-account of this one. */
  public AccountId child(String segment) {
    return new AccountId(value + "/" + segment);
  }

  @Override
  public int compareTo(AccountId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
