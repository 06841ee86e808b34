package org.marginfall.experiments.scenario;

import java.util.Objects;
import org.marginfall.core.engine.ModelSpec;

/**
 * A scenario file, read and validated: its name, description, content hash and the model it
 * defines.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the scenario's name
 * @param description what it shows
 * @param sha256 hex SHA-256 of the file's bytes
 * @param model the model
 * @param content the exact bytes the scenario was read from (what {@code sha256} hashes)
 */
public record Scenario(String name, String description, String sha256, ModelSpec model, byte[] content) {

  /** Validates the fields and copies the content. */
  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(model, "model");
    content = Objects.requireNonNull(content, "content").clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }
}
