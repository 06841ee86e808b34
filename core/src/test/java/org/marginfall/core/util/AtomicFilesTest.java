package org.marginfall.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @Test
  void test_write_replacesTheTargetAndLeavesNoTemporary(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("manifest.json");
    Files.writeString(target, "old, longer content", StandardCharsets.UTF_8);
    AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));
    assertEquals("new", Files.readString(target, StandardCharsets.UTF_8));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(target), files.toList());
    }
  }

  @Test
  void test_write_intoAMissingDirectory_failsWithoutATrace(@TempDir Path dir) {
    Path target = dir.resolve("absent").resolve("file.csv");
    assertThrows(IOException.class, () -> AtomicFiles.write(target, new byte[] {1}));
    assertFalse(Files.exists(target));
  }

  @Test
  void test_temporary_isAHiddenSibling(@TempDir Path dir) {
    assertEquals(dir.resolve(".points.csv.tmp"), AtomicFiles.temporary(dir, "points.csv"));
  }
}
