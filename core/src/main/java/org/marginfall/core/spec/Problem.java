package org.marginfall.core.spec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.marginfall.core.util.Checks;

/**
 * One validation failure, located by its field path.
 *
 * <p>A value the message quotes ({@code 'like this'}) is shown by its first 40 characters and its
 * length when it is longer than 100, whichever reader wrote the message: a 100 kB string in a
 * scenario makes a short error line, not a 100 kB one. Immutable and thread-safe.
 *
 * @param path the field path, e.g. {@code venues[1].maintenanceMargin}
 * @param message what is wrong
 */
public record Problem(String path, String message) {

  /** A quoted value longer than 100 characters (longer than any id, number or shortened value). */
  private static final Pattern QUOTED = Pattern.compile("'([^']{101,})'");

  /** Shortens long quoted values in the message. */
  public Problem {
    message = shortened(message);
  }

  private static String shortened(String message) {
    if (message == null || message.length() <= 100) {
      return message;
    }
    Matcher m = QUOTED.matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement("'" + Checks.abbreviate(m.group(1)) + "'"));
    }
    m.appendTail(out);
    return out.toString();
  }

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
