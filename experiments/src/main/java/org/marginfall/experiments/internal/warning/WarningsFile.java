package org.marginfall.experiments.internal.warning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code warnings.json} of a run or sweep directory: {@code {"warnings": [{"subject",
 * "message"}]}}, written only when there is a warning, so a directory without one has no such file
 * (and the result files the regression corpus pins are untouched). Stateless and thread-safe;
 * concurrent writers of one directory race.
 */
public final class WarningsFile {

  /** The file name. */
  public static final String NAME = "warnings.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private WarningsFile() {}

  /** The warnings in {@code dir}, none when it has no {@code warnings.json}. */
  public static List<Warning> read(Path dir) throws IOException {
    Path file = dir.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    List<Warning> out = new ArrayList<>();
    for (JsonNode w : JSON.readTree(file.toFile()).path("warnings")) {
      out.add(new Warning(w.path("subject").asText(), w.path("message").asText()));
    }
    return out;
  }

  /**
   * Adds {@code more} after the warnings {@code dir} already holds; writes nothing when both are
   * empty.
   */
  public static void append(Path dir, List<Warning> more) throws IOException {
    if (more.isEmpty()) {
      return;
    }
    List<Warning> all = new ArrayList<>(read(dir));
    all.addAll(more);
    write(dir, all);
  }

  /**
   * Replaces {@code dir}'s warnings with {@code warnings}; removes the file when there are none.
   */
  public static void write(Path dir, List<Warning> warnings) throws IOException {
    Path file = dir.resolve(NAME);
    if (warnings.isEmpty()) {
      Files.deleteIfExists(file);
      return;
    }
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("warnings");
    for (Warning w : warnings) {
      list.addObject().put("subject", w.subject()).put("message", w.message());
    }
    Path temp = file.resolveSibling("." + NAME + ".tmp");
    try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      out.write(JSON.writeValueAsString(root));
      out.write('\n');
    }
    Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
