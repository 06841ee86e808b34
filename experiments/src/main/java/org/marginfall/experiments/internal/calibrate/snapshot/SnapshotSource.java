package org.marginfall.experiments.internal.calibrate.snapshot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marginfall.agents.snapshot.Snapshots;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.spec.DataFiles;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecNode;

/**
 * A snapshot file for {@code calibrate --snapshot}: its family and format, given or told from the
 * file (the extension, a JSON export's keys, a CSV header's columns), read by the scenario's own
 * snapshot readers with no venue to check rows against. A row that does not fit stops the command
 * as it stops {@code validate}: one line per row, naming the file and line. Stateless.
 */
public final class SnapshotSource {

  /** The families, as {@code --family} names them. */
  public static final List<String> FAMILIES = List.of("perpetual", "lending", "cdp");

  private SnapshotSource() {}

  /**
   * The family and format: both given, or told from the file.
   *
   * @return {@code {family, format}}
   * @throws InvalidSpecException naming the option when they cannot be told or do not match
   */
  public static String[] kind(Path file, String family, String format) throws IOException {
    if (family != null && !FAMILIES.contains(family)) {
      throw new InvalidSpecException(
          "--family",
          "unknown family '" + family + "' (known: " + String.join(", ", FAMILIES) + ")");
    }
    String sniffed = format != null ? format : sniffFormat(file);
    String fam = family != null ? family : familyOf(sniffed, file);
    if (fam == null) {
      throw new InvalidSpecException(
          "--family",
          "cannot tell the family of "
              + file
              + " from its "
              + (sniffed.equals("parquet") ? "format" : "header")
              + "; give --family perpetual, lending or cdp");
    }
    String fmt = format != null ? format : (familyFormats(fam).contains(sniffed) ? sniffed : "csv");
    if (!familyFormats(fam).contains(fmt)) {
      throw new InvalidSpecException(
          "--format",
          "unknown "
              + fam
              + " format '"
              + fmt
              + "' (known: "
              + String.join(", ", familyFormats(fam))
              + ")");
    }
    return new String[] {fam, fmt};
  }

  /**
   * Reads the file: rows of {@code PerpRow}, {@code LendingRow} or {@code VaultRow}; with {@code
   * skip} the rows that do not fit are left out and listed in the file's {@code invalid()}.
   */
  public static Snapshots.Loaded<?> rows(
      Path file,
      String family,
      String format,
      AssetId base,
      Map<String, AssetId> names,
      Map<String, Double> rates,
      boolean skip) {
    Problems problems = new Problems();
    String name = file.toString();
    SpecNode node =
        SpecNode.root(
            Map.of("file", name, "format", format, "onInvalidRow", skip ? "skip" : "refuse"),
            problems);
    DataFiles files = n -> Files.newInputStream(Path.of(n));
    Snapshots.Loaded<?> loaded =
        switch (family) {
          case "perpetual" -> Snapshots.perpetual(node, files, base);
          case "lending" -> Snapshots.lending(node, files, names);
          default -> Snapshots.vaults(node, files, names, rates);
        };
    if (loaded == null || !problems.isEmpty()) {
      List<Problem> out = new ArrayList<>();
      for (Problem p : problems.all()) {
        out.add(
            new Problem(
                "--snapshot",
                p.message().startsWith("the rows above do not fit")
                    ? "the rows above do not fit; fix them, or give --skip-invalid-rows to leave them out"
                    : p.message()));
      }
      throw new InvalidSpecException(out);
    }
    return loaded;
  }

  private static List<String> familyFormats(String family) {
    return Snapshots.formats(family);
  }

  private static String sniffFormat(Path file) throws IOException {
    String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (lower.endsWith(".parquet")) {
      return "parquet";
    }
    String head = head(file);
    if (head.stripLeading().startsWith("{")) {
      return head.contains("\"users\"") ? "aave-subgraph" : "hyperliquid";
    }
    List<String> header = header(head);
    return header.contains("urn") && header.contains("ink") ? "maker-urns" : "csv";
  }

  private static String familyOf(String format, Path file) throws IOException {
    switch (format) {
      case "hyperliquid":
        return "perpetual";
      case "aave-subgraph":
        return "lending";
      case "maker-urns":
        return "cdp";
      case "parquet":
        return null;
      default:
        List<String> header = header(head(file));
        if (header.contains("entryprice") || header.contains("size")) {
          return "perpetual";
        }
        if (header.contains("supplied") || header.contains("borrowed")) {
          return "lending";
        }
        return header.contains("vault") || header.contains("art") ? "cdp" : null;
    }
  }

  /** The file's first 64 KiB (enough for a header or a JSON export's first keys). */
  private static String head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(1 << 16), StandardCharsets.UTF_8);
    }
  }

  /** The lower-case cells of the first line that is not blank or a {@code #} comment. */
  private static List<String> header(String head) throws IOException {
    BufferedReader lines = new BufferedReader(new java.io.StringReader(head));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        List<String> cells = new ArrayList<>();
        for (String c : t.split(",", -1)) {
          cells.add(c.strip().replace("\"", "").toLowerCase(Locale.ROOT));
        }
        return cells;
      }
    }
    return List.of();
  }
}
