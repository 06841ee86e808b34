package org.marginfall.agents.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.spec.DataFiles;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.util.Sha256;

/**
 * Reads the fields every snapshot population shares ({@code file}, {@code format}, {@code
 * onInvalidRow}), streams the file through a format's parser while hashing it, and collects the
 * rows that do not fit. Under {@code onInvalidRow: refuse} each such row becomes a problem of the
 * {@code file} field, naming the file and line, so {@code validate} lists them all. Mutable; one
 * per population entry.
 */
public final class SnapshotReading {

  /** The format that reads a family's CSV layout from a Parquet file with the same column names. */
  static final String PARQUET = "parquet";

  /** Most invalid rows listed one per line before the rest are summed up by reason. */
  static final int MAX_LISTED = 50;

  /** A format's parser: reads the stream, reports rows through the reading. */
  interface Parser {
    void parse(InputStream in, SnapshotReading reading) throws IOException, SnapshotFormatException;
  }

  private final SpecNode node;
  private final String name;
  private final String format;
  private final OnInvalidRow policy;
  private final List<InvalidRow> invalid = new ArrayList<>();
  private long rows;
  private boolean parquetFile;

  private SnapshotReading(SpecNode node, String name, String format, OnInvalidRow policy) {
    this.node = node;
    this.name = name;
    this.format = format;
    this.policy = policy;
  }

  /**
   * Reads {@code file}, {@code format} (one of {@code formats}, the first by default) and {@code
   * onInvalidRow} ({@code refuse} by default, or {@code skip}).
   *
   * @return the reading, or null after a reported failure
   */
  static SnapshotReading start(SpecNode node, List<String> formats) {
    Problems.Mark mark = node.mark();
    String file = node.string("file");
    String format =
        node.choice(
            "format",
            "format",
            SpecNode.byName(Function.identity(), formats.toArray(String[]::new)),
            formats.get(0));
    String policy = node.optString("onInvalidRow").orElse("refuse");
    if (!policy.equals("refuse") && !policy.equals("skip")) {
      node.get("onInvalidRow").fail("must be refuse or skip, was '" + policy + "'");
    }
    if (mark.failed()) {
      return null;
    }
    return new SnapshotReading(
        node, file, format, OnInvalidRow.valueOf(policy.toUpperCase(Locale.ROOT)));
  }

  /** The format asked for. */
  String format() {
    return format;
  }

  /** Whether the file is Parquet: its rows are numbered by data row, not by line. */
  boolean parquet() {
    return format.equals(PARQUET) || parquetFile;
  }

  /** Records that a format read from text or Parquet ({@code maker-urns}) found a Parquet file. */
  void foundParquet() {
    parquetFile = true;
  }

  /** Counts one data row (or record) read. */
  void counted() {
    rows++;
  }

  /** Records a row that does not fit. */
  void invalid(long line, InvalidRow.Reason reason, String detail) {
    invalid.add(new InvalidRow(name, line, reason, detail, parquet()));
  }

  /**
   * Streams the file through {@code parser}, hashing every byte.
   *
   * @return the file as read, or null after a reported failure (missing file, unreadable format,
   *     or, under {@code refuse}, rows that do not fit)
   */
  SnapshotFile read(DataFiles files, Parser parser) {
    MessageDigest digest = Sha256.digest();
    try (InputStream raw = files.open(name);
        DigestInputStream in = new DigestInputStream(raw, digest)) {
      parser.parse(in, this);
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      node.get("file")
          .fail(
              "cannot read "
                  + name
                  + ": "
                  + (e.getMessage() == null ? e.toString() : e.getMessage()));
      return null;
    } catch (SnapshotFormatException e) {
      node.get("file").fail(InvalidRow.place(name, parquet(), e.line) + ": " + e.getMessage());
      return null;
    }
    if (policy == OnInvalidRow.REFUSE && !invalid.isEmpty()) {
      // Every line goes to the file field, so the list reads in file order under it.
      reportRefused();
      return null;
    }
    return new SnapshotFile(name, format, Sha256.hex(digest), rows, policy, invalid);
  }

  private void reportRefused() {
    for (int i = 0; i < Math.min(MAX_LISTED, invalid.size()); i++) {
      node.get("file").fail(invalid.get(i).message());
    }
    if (invalid.size() > MAX_LISTED) {
      Map<InvalidRow.Reason, Long> rest = new EnumMap<>(InvalidRow.Reason.class);
      invalid
          .subList(MAX_LISTED, invalid.size())
          .forEach(r -> rest.merge(r.reason(), 1L, Long::sum));
      StringBuilder b = new StringBuilder();
      rest.forEach(
          (r, n) -> b.append(b.length() == 0 ? "" : ", ").append(n).append(' ').append(r.key()));
      node.get("file")
          .fail(
              "and "
                  + (invalid.size() - MAX_LISTED)
                  + " more rows of "
                  + name
                  + " that do not fit ("
                  + b
                  + ")");
    }
    node.get("file")
        .fail("the rows above do not fit; fix them, or set onInvalidRow: skip to leave them out");
  }

  /**
   * Parses a decimal number cell; NaN (after recording the row as malformed) when it is not one.
   */
  double number(long line, String column, String cell) {
    if (cell.isEmpty()) {
      invalid(line, InvalidRow.Reason.MALFORMED, column + " is empty");
      return Double.NaN;
    }
    if (decimalText(cell)) {
      try {
        double v = Double.parseDouble(cell);
        if (Double.isFinite(v)) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    invalid(
        line,
        InvalidRow.Reason.MALFORMED,
        column + " '" + shorten(cell) + "' is not a finite number");
    return Double.NaN;
  }

  /**
   * Whether {@code s} has only the characters of a decimal number (digits, sign, point, exponent),
   * so that Java's other spellings ({@code NaN}, {@code 0x1p3}, {@code 1d}) are refused. A scan,
   * not a regular expression: it runs once per cell of files of millions of rows.
   */
  static boolean decimalText(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code s} is an optionally negative integer of 1 to 80 digits (a scan, as above). */
  static boolean integerText(String s) {
    int start = s.startsWith("-") ? 1 : 0;
    if (s.length() <= start || s.length() - start > 80) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code s} is an id: 1 to 64 letters, digits, {@code _} or {@code -} (a scan, as above).
   */
  static boolean isId(String s) {
    if (s.isEmpty() || s.length() > 64) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Asset ids by name, made once per distinct name (a file repeats a few names millions of times).
   */
  static final class Ids {
    private final java.util.Map<String, AssetId> ids = new java.util.HashMap<>();

    /** The asset id {@code name} spells, or null when it is not an id. */
    AssetId of(String name) {
      AssetId id = ids.get(name);
      if (id == null && isId(name)) {
        id = AssetId.of(name);
        ids.put(name, id);
      }
      return id;
    }
  }

  /**
   * An account and the market, asset or ilk of one of its rows: the key of the duplicate check (a
   * hash set of these, without building a joined string per row).
   */
  record Key(String account, AssetId what) {}

  /** A value shown in a message, cut to 40 characters. */
  static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
