package org.marginfall.agents.snapshot;

import org.marginfall.core.spec.PopulationSpec;

/** A population loaded from a snapshot file: what it read, for the manifest and the summary. */
public interface SnapshotSpec extends PopulationSpec {

  /** The file it loads. */
  SnapshotFile snapshot();
}
