package org.marginfall.core.ledger;

/**
 * Identifies a ledger account, as a path such as {@code perp-a/traders/0007} or {@code market/ETH}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the path: identifier segments separated by '/'
 */
public record AccountId(String value) implements Comparable<AccountId> {

  /** Validates the path. */
  public AccountId {
    if (value == null || !isPath(value)) {
      throw new IllegalArgumentException(
          "account id: must be a '/'-separated path of identifiers, was '" + value + "'");
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

  /**
   * Whether {@code value} matches {@code [A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*}, checked by a scan
   * rather than a regex because ids are built (by venues and populations) far more often than read
   * in.
   */
  private static boolean isPath(String value) {
    boolean segmentStart = true;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '/') {
        if (segmentStart) {
          return false;
        }
        segmentStart = true;
      } else if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '-') {
        segmentStart = false;
      } else {
        return false;
      }
    }
    return !segmentStart;
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
