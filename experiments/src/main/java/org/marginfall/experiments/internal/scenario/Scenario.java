package org.marginfall.experiments.internal.scenario;

import java.util.List;
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
 * @param dataRoot where the scenario's data files were found (twins and sweep points re-read them
 *     there)
 * @param dataFiles the data files the scenario read, in file order, with their hashes
 */
public record Scenario(
    String name,
    String description,
    String sha256,
    ModelSpec model,
    byte[] content,
    DataRoot dataRoot,
    List<DataFile> dataFiles) {

  /**
   * A data file a scenario read.
   *
   * @param field the scenario field that names it
   * @param file the file as the scenario names it
   * @param sha256 hex SHA-256 of its bytes
   */
  public record DataFile(String field, String file, String sha256) {}

  /** A scenario that reads no data file. */
  public Scenario(String name, String description, String sha256, ModelSpec model, byte[] content) {
    this(name, description, sha256, model, content, DataRoot.workingDirectory(), List.of());
  }

  /** Validates the fields and copies the content. */
  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(model, "model");
    content = Objects.requireNonNull(content, "content").clone();
    Objects.requireNonNull(dataRoot, "dataRoot");
    dataFiles = List.copyOf(dataFiles);
  }

  @Override
  public byte[] content() {
    return content.clone();
  }
}
