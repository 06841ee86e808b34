package org.marginfall.experiments.internal.warning;

import java.util.Objects;

/**
 * Something in a scenario, a twin or a sweep that is valid but does nothing: a failure scheduled
 * after the last step, a twin whose change changes no result, a swept parameter no metric responds
 * to. It is printed as one line on stderr and shown in the report, so a silent no-op is not read as
 * a finding (docs/outputs.md, {@code warnings.json}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param subject what the warning is about: a field path, {@code twin <name>} or {@code parameter
 *     <name>}
 * @param message what does nothing and why, in the scenario's units
 */
public record Warning(String subject, String message) {

  /** Checks the fields. */
  public Warning {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
  }

  /** The line printed on stderr: {@code warning: <subject>: <message>}. */
  public String line() {
    return "warning: " + subject + ": " + message;
  }
}
