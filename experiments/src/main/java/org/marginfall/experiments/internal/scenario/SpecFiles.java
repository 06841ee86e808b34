package org.marginfall.experiments.internal.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problems;

/**
 * Reads and parses the YAML and JSON files the command line takes (scenarios, sweeps) into the
 * plain tree {@link org.marginfall.core.spec.SpecNode} reads: maps, lists, text, numbers, booleans
 * and nulls.
 *
 * <p>Every problem of the file or its text is reported in plain words: a directory, pipe or device
 * instead of a file, a file that cannot be read (and why), text that is not UTF-8, a syntax error
 * (with its line and column), a field given twice (with its field path and both lines), a second
 * YAML document. YAML's {@code .nan}, {@code .inf} and {@code -.inf} are read as the non-finite
 * numbers they stand for, so the field that holds one reports it.
 *
 * <p>A file above {@link #MAX_FILE_BYTES} and a YAML line above {@link #MAX_VALUE_CHARS} are
 * refused before they are parsed (SnakeYAML takes seconds per megabyte of one scalar); a value
 * above the limit spread over many lines is refused at its field. docs/scenarios.md#limits states
 * the limits. Stateless and thread-safe.
 */
public final class SpecFiles {

  /** The largest scenario or sweep file read: 2 MiB, hundreds of times the bundled examples. */
  public static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

  /** The longest value (scalar) and the longest YAML line, in characters: 64 Ki. */
  public static final int MAX_VALUE_CHARS = 64 * 1024;

  /** YAML 1.1's non-finite floats, which Jackson tokenizes as numbers but cannot convert. */
  private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

  private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");

  private SpecFiles() {}

  /**
   * The bytes of the {@code what} file at {@code file}; a file above {@link #MAX_FILE_BYTES} is
   * refused before it is read.
   *
   * @param label the path to report problems at: the file as the user named it, or empty when the
   *     caller prefixes its problems with the file
   * @throws InvalidSpecException when the file is missing, too large or cannot be read
   */
  public static byte[] read(Path file, String label, String what) {
    if (Files.isDirectory(file)) {
      throw new InvalidSpecException(label, "is a directory, not a " + what + " file");
    }
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      // Reading a named pipe would wait for a writer, and a device may never end.
      throw new InvalidSpecException(
          label,
          "is not a regular file (a named pipe, a device or a socket); give a " + what + " file");
    }
    try {
      checkSize(Files.size(file), label, what);
      try (InputStream in = Files.newInputStream(file)) {
        byte[] content = in.readNBytes(MAX_FILE_BYTES + 1);
        checkSize(content.length, label, what); // it grew since its size was read
        return content;
      }
    } catch (NoSuchFileException e) {
      throw new InvalidSpecException(label, what + " file not found");
    } catch (IOException e) {
      throw new InvalidSpecException(label, "cannot read the " + what + " file: " + reason(e));
    }
  }

  /**
   * Why a file could not be read, in words. The JDK's message for a refused permission is the path
   * alone; other file-system failures carry the system's reason.
   */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fs) {
      return fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
    }
    return e.getMessage() != null && !e.getMessage().isBlank()
        ? e.getMessage()
        : e.getClass().getSimpleName();
  }

  private static void checkSize(long bytes, String label, String what) {
    if (bytes > MAX_FILE_BYTES) {
      throw new InvalidSpecException(
          label,
          String.format(
              Locale.ROOT,
              "the file is %,d bytes; a %s file may be at most %,d bytes (2 MiB)",
              bytes,
              what,
              MAX_FILE_BYTES));
    }
  }

  /**
   * Parses {@code content} (JSON when {@code json}, else YAML) into a plain tree.
   *
   * @param what the kind of file, for messages ("scenario", "sweep")
   * @throws InvalidSpecException with every problem of the text: at the field path when one names
   *     it, otherwise for the whole file (an empty path) with the line and column
   */
  public static Object parse(byte[] content, boolean json, String what) {
    checkSize(content.length, "", what);
    String text = utf8(content);
    if (!json) {
      checkLines(text);
    }
    ObjectMapper mapper = json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
    Problems problems = new Problems();
    try (JsonParser parser = mapper.createParser(text)) {
      // An empty file (or one of only comments) has no first token.
      Object tree = parser.nextToken() == null ? null : new Tree(parser, problems).value("");
      if (tree == null) {
        throw new InvalidSpecException("", "the " + what + " file is empty");
      }
      JsonToken more;
      while ((more = parser.nextToken()) != null) {
        // The parser would stop after the first document; an empty one (a trailing "---") ignores
        // nothing.
        if (more != JsonToken.VALUE_NULL) {
          problems.add(
              "",
              "the file holds a second "
                  + (json ? "JSON value" : "YAML document")
                  + " from line "
                  + parser.currentTokenLocation().getLineNr()
                  + "; a "
                  + what
                  + " file holds exactly one");
          break;
        }
      }
      if (!problems.isEmpty()) {
        throw new InvalidSpecException(problems.all());
      }
      return tree;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new InvalidSpecException(
          "", "malformed " + (json ? "JSON" : "YAML") + where + ": " + problem(e));
    } catch (IOException e) {
      throw new InvalidSpecException("", "cannot parse the " + what + " file: " + e.getMessage());
    }
  }

  /**
   * {@code content} decoded as UTF-8, without a byte-order mark.
   *
   * @throws InvalidSpecException for the whole file, naming the first byte that is not UTF-8 and
   *     its line and column, when it is not UTF-8 text
   */
  public static String utf8(byte[] content) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(content);
    CharBuffer out = CharBuffer.allocate(content.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      // The decoder stops at the first byte that does not begin a valid sequence.
      int bad = in.position();
      out.flip();
      String before = out.toString();
      int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
      int column = before.length() - before.lastIndexOf('\n');
      throw new InvalidSpecException(
          "",
          String.format(
              Locale.ROOT,
              "the file is not UTF-8 text (byte 0x%02X at line %d, column %d); save it as UTF-8",
              content[bad] & 0xFF,
              line,
              column));
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * Refuses a line longer than {@link #MAX_VALUE_CHARS}: the only way a scalar that long fits on
   * one line, which SnakeYAML would scan for seconds before the tree could refuse it.
   */
  private static void checkLines(String text) {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - start > MAX_VALUE_CHARS) {
          throw new InvalidSpecException(
              "",
              String.format(
                  Locale.ROOT,
                  "line %d is %,d characters long; a YAML line, like a value, may be at most %,d characters",
                  line,
                  i - start,
                  MAX_VALUE_CHARS));
        }
        line++;
        start = i + 1;
      }
    }
  }

  /**
   * The parser's own statement of what is wrong. SnakeYAML writes a context line ("while parsing a
   * block mapping"), then the problem, each followed by indented location lines; the problem is the
   * last unindented line.
   */
  private static String problem(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    return message
        .lines()
        .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
        .reduce((first, second) -> second)
        .orElse(message.strip());
  }

  /**
   * Builds the plain tree from the parser's tokens (as Jackson's untyped deserializer would), with
   * the field paths {@link org.marginfall.core.spec.SpecNode} uses, so that problems found here
   * name their field. Not thread-safe.
   */
  private static final class Tree {

    private final JsonParser parser;
    private final Problems problems;

    Tree(JsonParser parser, Problems problems) {
      this.parser = parser;
      this.problems = problems;
    }

    /** The value whose first token is the parser's current one, at {@code path}. */
    Object value(String path) throws IOException {
      JsonToken token = parser.currentToken();
      switch (token) {
        case START_OBJECT -> {
          Map<String, Object> map = new LinkedHashMap<>();
          Map<String, Integer> lines = new HashMap<>();
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (key.length() > MAX_VALUE_CHARS) {
              problems.add(path, tooLong("has a field name", key));
              key = key.substring(0, 64) + "...";
            }
            int line = parser.currentTokenLocation().getLineNr();
            String child = path.isEmpty() ? key : path + "." + key;
            parser.nextToken();
            Object value = value(child);
            Integer first = lines.putIfAbsent(key, line);
            if (first != null) {
              // YAML and JSON parsers keep the last of two equal keys; a spec file must not guess.
              problems.add(
                  child,
                  "is given more than once (at lines "
                      + first
                      + " and "
                      + line
                      + "); give it once");
            } else {
              map.put(key, value);
            }
          }
          return map;
        }
        case START_ARRAY -> {
          List<Object> list = new ArrayList<>();
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            list.add(value(path + "[" + list.size() + "]"));
          }
          return list;
        }
        case VALUE_STRING -> {
          String text = parser.getText();
          if (text.length() > MAX_VALUE_CHARS) {
            problems.add(path, tooLong("is", text));
          }
          return text;
        }
        case VALUE_NUMBER_INT -> {
          return parser.getNumberValue();
        }
        case VALUE_NUMBER_FLOAT -> {
          String text = parser.getText();
          if (NAN.matcher(text).matches()) {
            return Double.NaN;
          }
          if (INFINITY.matcher(text).matches()) {
            return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
          }
          return parser.getNumberValue();
        }
        case VALUE_TRUE -> {
          return Boolean.TRUE;
        }
        case VALUE_FALSE -> {
          return Boolean.FALSE;
        }
        case VALUE_NULL -> {
          return null;
        }
        case VALUE_EMBEDDED_OBJECT -> {
          return parser.getEmbeddedObject();
        }
        default ->
            throw new IllegalStateException(
                "unexpected " + token + " at " + parser.currentTokenLocation());
      }
    }

    private static String tooLong(String what, String text) {
      return String.format(
          Locale.ROOT,
          "%s %,d characters long; a value may be at most %,d characters",
          what,
          text.length(),
          MAX_VALUE_CHARS);
    }
  }
}
