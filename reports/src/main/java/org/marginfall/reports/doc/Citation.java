package org.marginfall.reports.doc;

/**
 * The "how to cite" sentence of every report, built from the provenance the result files carry
 * (software name, version, git commit), following the repository's {@code CITATION.cff}.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class Citation {

  /** The title of CITATION.cff. */
  public static final String TITLE =
      "Marginfall: agent-based simulation of liquidation contagion across margin venues that share collateral";

  /** The authors of CITATION.cff. */
  public static final String AUTHORS = "The Marginfall contributors";

  private Citation() {}

  /**
   * @param name software name from the manifest, or null
   * @param version software version, or null
   * @param commit git commit, or null
   * @return one sentence to quote
   */
  public static String line(String name, String version, String commit) {
    return "How to cite: "
        + AUTHORS
        + ", \""
        + TITLE
        + "\" (software "
        + (name == null ? "marginfall" : name)
        + ", version "
        + (version == null ? "unknown" : version)
        + ", git commit "
        + (commit == null ? "unknown" : commit)
        + "); see CITATION.cff in the Marginfall repository.";
  }
}
