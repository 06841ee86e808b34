package org.marginfall.reports.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.reports.RunFixtures;

class ManifestReaderTest {

  @TempDir Path dir;

  @Test
  void absentManifestIsEmpty() throws IOException {
    assertTrue(ManifestReader.read(dir.resolve("manifest.json")).isEmpty());
  }

  @Test
  void readsProvenance() throws IOException {
    Path file = dir.resolve("manifest.json");
    RunFixtures.write(file, RunFixtures.MANIFEST_JSON);
    RunManifest manifest = ManifestReader.read(file).orElseThrow();
    assertEquals(
        new RunManifest(
            "marginfall",
            "0.1.0-SNAPSHOT",
            "b2d7b0e1f00d",
            false,
            "examples/flash-crash.yaml",
            "9f2c",
            42L,
            0L,
            "2026-11-21T12:00:00Z",
            1.9,
            "Eclipse Adoptium 17.0.15",
            "Linux amd64"),
        manifest);
  }

  @Test
  void partialManifestLeavesTheRestNull() throws IOException {
    Path file = dir.resolve("manifest.json");
    RunFixtures.write(file, "{\"seed\": 7, \"jvm\": {\"version\": \"17\"}}");
    RunManifest manifest = ManifestReader.read(file).orElseThrow();
    assertEquals(7L, manifest.seed());
    assertEquals("17", manifest.jvm());
    assertNull(manifest.gitCommit());
    assertNull(manifest.wallTimeSeconds());
  }

  @Test
  void presentButBrokenManifestIsReported() throws IOException {
    Path file = dir.resolve("manifest.json");
    RunFixtures.write(file, "{\"seed\": \"seven\"}");
    ReportException e = assertThrows(ReportException.class, () -> ManifestReader.read(file));
    assertEquals("manifest.json: field 'seed' must be an integer, found string", e.getMessage());
  }
}
