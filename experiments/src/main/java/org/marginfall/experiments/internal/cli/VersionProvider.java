package org.marginfall.experiments.internal.cli;

import org.marginfall.experiments.internal.run.Provenance;
import picocli.CommandLine;

/** Prints the version and build commit for {@code --version}. Stateless and thread-safe. */
public final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    Provenance p = Provenance.current();
    return new String[] {
      "marginfall "
          + p.version()
          + " (commit "
          + p.gitCommit()
          + (p.gitDirty() ? ", dirty" : "")
          + ")"
    };
  }
}
