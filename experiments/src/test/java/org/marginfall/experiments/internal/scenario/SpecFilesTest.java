package org.marginfall.experiments.internal.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

/**
 * Reading spec files: the reason a file cannot be read, in words (the JDK's message is only the
 * path).
 */
class SpecFilesTest {

  @Test
  void test_reason_namesWhatWentWrongNotThePath() {
    // The JDK reports EACCES as an AccessDeniedException whose message is the path alone.
    assertEquals(
        "permission denied", SpecFiles.reason(new AccessDeniedException("/data/scenario.yaml")));
    assertEquals(
        "Input/output error",
        SpecFiles.reason(
            new FileSystemException("/data/scenario.yaml", null, "Input/output error")));
    assertEquals(
        "NotDirectoryException",
        SpecFiles.reason(new NotDirectoryException("/data/scenario.yaml")));
    assertEquals("Stream closed", SpecFiles.reason(new IOException("Stream closed")));
    assertEquals("IOException", SpecFiles.reason(new IOException()));
  }
}
