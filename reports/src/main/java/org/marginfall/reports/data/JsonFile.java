package org.marginfall.reports.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a JSON input file into a tree, turning every way it can be broken into a one-line {@link
 * ReportException} that names the file, so users never see a raw Jackson message.
 *
 * <p>This class has no mutable state (the mapper is configured once): it is immutable and
 * thread-safe.
 */
final class JsonFile {

  /**
   * Duplicate keys and trailing garbage are rejected: the engine never writes them, so they mean a
   * damaged or hand-edited file, and silently picking one value would hide that.
   */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private JsonFile() {}

  /**
   * @param file the file to read, decoded as UTF-8
   * @return the top-level object, as a section whose path is empty
   * @throws ReportException if the file is absent, not UTF-8, not JSON, or not a JSON object
   * @throws IOException if the file exists but cannot be read
   */
  static JsonSection readObject(Path file) throws IOException {
    String name = String.valueOf(file.getFileName());
    if (!Files.exists(file)) {
      throw new ReportException(name, "file not found in " + file.toAbsolutePath().getParent());
    }
    if (!Files.isRegularFile(file)) {
      throw new ReportException(name, "not a regular file");
    }
    JsonNode root;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = MAPPER.readTree(reader);
    } catch (JsonProcessingException e) {
      throw new ReportException(
          name, "not valid JSON" + where(e.getLocation()) + ": " + e.getOriginalMessage(), e);
    } catch (CharacterCodingException e) {
      throw new ReportException(name, "not valid UTF-8", e);
    }
    if (root == null || root.isMissingNode()) {
      throw new ReportException(name, "empty file");
    }
    if (!root.isObject()) {
      throw new ReportException(
          name, "top level must be a JSON object, found " + JsonSection.describe(root));
    }
    return new JsonSection(name, "", (ObjectNode) root);
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
