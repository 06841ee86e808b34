package org.marginfall.reports.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the provenance fields of {@code manifest.json}. The manifest is optional for a report (a
 * run directory assembled by hand may lack it), so an absent file gives an empty result; but a
 * manifest that is present and broken is reported, not skipped, because silently dropping
 * provenance would make a report look more trustworthy than it is.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class ManifestReader {

  private ManifestReader() {}

  /**
   * @param file path of a {@code manifest.json}, which need not exist
   * @return its provenance fields, or empty if the file does not exist
   * @throws ReportException if the file exists but is not valid JSON or a field has the wrong type
   * @throws IOException if the file exists but cannot be read
   */
  public static Optional<RunManifest> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    JsonSection root = JsonFile.readObject(file);
    JsonSection software = root.optionalSection("software");
    JsonSection scenario = root.optionalSection("scenario");
    JsonSection jvm = root.optionalSection("jvm");
    JsonSection os = root.optionalSection("os");
    return Optional.of(
        new RunManifest(
            software == null ? null : software.optionalText("name"),
            software == null ? null : software.optionalText("version"),
            software == null ? null : software.optionalText("gitCommit"),
            software == null ? null : software.optionalBoolean("gitDirty"),
            scenario == null ? null : scenario.optionalText("file"),
            scenario == null ? null : scenario.optionalText("sha256"),
            root.optionalLong("seed"),
            root.optionalLong("replication"),
            root.optionalText("startedAt"),
            root.optionalDouble("wallTimeSeconds"),
            jvm == null ? null : joined(jvm.optionalText("vendor"), jvm.optionalText("version")),
            os == null ? null : joined(os.optionalText("name"), os.optionalText("arch"))));
  }

  /** "a b", or whichever part is present, or null if neither is. */
  private static String joined(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + " " + b;
  }
}
