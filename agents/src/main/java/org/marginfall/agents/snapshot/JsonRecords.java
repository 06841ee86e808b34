package org.marginfall.agents.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams the elements of one list in a JSON export, one element held at a time, each with the line
 * it starts on: {@code {"data": {"<list>": [...]}}} (a GraphQL response) or {@code {"<list>":
 * [...]}}. Stateless and thread-safe.
 */
final class JsonRecords {

  /** Receives each element and its line. */
  interface Sink {
    void record(long line, JsonNode element);
  }

  /** Leaves the stream open: the caller drains it into the file's hash. */
  static final ObjectMapper MAPPER =
      new ObjectMapper(JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build());

  private JsonRecords() {}

  static void each(InputStream in, String list, Sink sink)
      throws IOException, SnapshotFormatException {
    try (JsonParser p = MAPPER.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new SnapshotFormatException(
            line(p), "expected an object with a list '" + list + "' (or data." + list + ")");
      }
      if (!find(p, list)) {
        throw new SnapshotFormatException(
            line(p), "no list '" + list + "' (nor data." + list + ") in the file");
      }
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw new SnapshotFormatException(line(p), "'" + list + "' is not a list");
      }
      while (p.nextToken() != JsonToken.END_ARRAY) {
        long line = line(p);
        sink.record(line, MAPPER.readTree(p));
      }
    } catch (JsonProcessingException e) {
      throw new SnapshotFormatException(
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "not valid JSON: " + JsonRecords.brief(e));
    }
  }

  /**
   * Moves to the value of field {@code list}, directly in this object or in its {@code data}
   * object; the parser is left on the value's first token.
   */
  private static boolean find(JsonParser p, String list) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals(list)) {
        return true;
      }
      if (name.equals("data") && value == JsonToken.START_OBJECT) {
        return find(p, list);
      }
      p.skipChildren();
    }
    return false;
  }

  /** The parser's message without the location details it appends (the line is reported apart). */
  static String brief(JsonProcessingException e) {
    String m = String.valueOf(e.getOriginalMessage());
    int cut = m.indexOf(" (start marker");
    m = cut < 0 ? m : m.substring(0, cut);
    cut = m.indexOf('\n');
    return cut < 0 ? m : m.substring(0, cut);
  }

  static long line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }
}
