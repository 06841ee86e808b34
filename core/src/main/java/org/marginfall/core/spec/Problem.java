package org.marginfall.core.spec;

/**
 * One validation failure, located by its field path.
 *
 * <p>Immutable and thread-safe.
 *
 * @param path the field path, e.g. {@code venues[1].maintenanceMargin}
 * @param message what is wrong
 */
public record Problem(String path, String message) {

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
