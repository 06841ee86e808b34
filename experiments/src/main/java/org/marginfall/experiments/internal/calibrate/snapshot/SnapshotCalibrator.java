package org.marginfall.experiments.internal.calibrate.snapshot;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marginfall.agents.snapshot.LendingRow;
import org.marginfall.agents.snapshot.PerpRow;
import org.marginfall.agents.snapshot.Snapshots;
import org.marginfall.agents.snapshot.VaultRow;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;
import org.marginfall.experiments.internal.calibrate.Estimate;

/**
 * {@code calibrate --snapshot}: reads a position snapshot, fits the population entries its family's
 * drawn types take, and prints them with standard errors and goodness of fit, then the fragment to
 * paste under {@code agents}. Stateless.
 */
public final class SnapshotCalibrator {

  /**
   * What the command was given.
   *
   * @param file the snapshot
   * @param family {@code perpetual}, {@code lending} or {@code cdp}, or null to tell from the file
   * @param format a snapshot format, or null to tell from the file
   * @param prices {@code --price ASSET=P}
   * @param names {@code --name NAME=ASSET}: a symbol or ilk name in the file mapped to an asset
   * @param rates {@code --rate ILK=R}: an ilk's accumulated rate
   * @param base the base currency's id
   * @param venue the venue id the fragment names
   * @param skipInvalid whether rows that do not fit are left out (else they stop the command)
   */
  public record Options(
      Path file,
      String family,
      String format,
      Map<String, String> prices,
      Map<String, String> names,
      Map<String, String> rates,
      String base,
      String venue,
      boolean skipInvalid) {}

  /**
   * A calibrated snapshot.
   *
   * @param family the family read
   * @param format the format read
   * @param rows rows read that fit
   * @param skipped rows left out as not fitting, counted per reason
   * @param calibration the fitted populations and the notes
   */
  public record Result(
      String family,
      String format,
      int rows,
      Map<String, Long> skipped,
      SnapshotCalibration calibration) {}

  private SnapshotCalibrator() {}

  /**
   * Reads and fits.
   *
   * @throws InvalidSpecException one problem per bad option, missing price or row that does not fit
   */
  public static Result calibrate(Options o) throws IOException {
    List<Problem> problems = new ArrayList<>();
    if (!Files.isRegularFile(o.file())) {
      throw new InvalidSpecException("--snapshot", o.file() + ": snapshot file not found");
    }
    AssetId base = id(problems, "--base", o.base());
    id(problems, "--venue", o.venue());
    Map<AssetId, Double> prices = new LinkedHashMap<>();
    o.prices()
        .forEach(
            (k, v) -> {
              AssetId a = id(problems, "--price", k);
              double p = number(problems, "--price", k, v, 0, false);
              if (a != null && !Double.isNaN(p)) {
                prices.put(a, p);
              }
            });
    Map<String, AssetId> names = new LinkedHashMap<>();
    o.names()
        .forEach(
            (k, v) -> {
              AssetId a = id(problems, "--name", v);
              if (a != null) {
                names.put(k, a);
              }
            });
    Map<String, Double> rates = new LinkedHashMap<>();
    o.rates()
        .forEach(
            (k, v) -> {
              double r = number(problems, "--rate", k, v, 1, true);
              if (!Double.isNaN(r)) {
                rates.put(k, r);
              }
            });
    if (!problems.isEmpty()) {
      throw new InvalidSpecException(problems);
    }
    String[] kind = SnapshotSource.kind(o.file(), o.family(), o.format());
    Snapshots.Loaded<?> loaded =
        SnapshotSource.rows(o.file(), kind[0], kind[1], base, names, rates, o.skipInvalid());
    List<?> rows = loaded.rows();
    Map<String, Long> skipped = new java.util.TreeMap<>();
    loaded.file().invalid().forEach(i -> skipped.merge(i.reason().key(), 1L, Long::sum));
    Prices at = new Prices(base, prices);
    @SuppressWarnings("unchecked")
    SnapshotCalibration c =
        switch (kind[0]) {
          case "perpetual" -> PerpPopulations.fit((List<PerpRow>) rows, at, o.venue());
          case "lending" -> LendingPopulations.fit((List<LendingRow>) rows, at, o.venue());
          default -> VaultPopulations.fit((List<VaultRow>) rows, at, o.venue());
        };
    if (!at.missing().isEmpty()) {
      List<Problem> missing = new ArrayList<>();
      at.missing()
          .forEach(
              (asset, who) ->
                  missing.add(
                      new Problem(
                          "--price",
                          "no price for "
                              + asset
                              + ", needed to value "
                              + who
                              + " (give --price "
                              + asset
                              + "=P)")));
      throw new InvalidSpecException(missing);
    }
    return new Result(kind[0], kind[1], rows.size(), skipped, c);
  }

  /** The fragment to paste: {@code agents:} and the fitted entries. */
  public static String fragment(SnapshotCalibration c) {
    StringBuilder s = new StringBuilder("agents:\n");
    c.populations().forEach(p -> s.append(p.yaml()));
    return s.toString();
  }

  /** Prints the fits, the notes and the fragment. */
  public static void print(PrintWriter out, Path file, Result r) {
    out.printf(
        Locale.ROOT,
        "%s: %s snapshot (%s), %d rows%s%n",
        file,
        r.family(),
        r.format(),
        r.rows(),
        r.skipped().isEmpty()
            ? ""
            : ", "
                + r.skipped().values().stream().mapToLong(Long::longValue).sum()
                + " left out as not fitting "
                + r.skipped());
    for (PopulationFit p : r.calibration().populations()) {
      out.println();
      out.printf(Locale.ROOT, "%s %s: %d accounts%n", p.type(), p.id(), p.accounts());
      for (DistributionFit f : p.fits()) {
        out.printf(
            Locale.ROOT,
            "  %-12s %-9s KS D %.4f (p %.3g)%n",
            f.field(),
            f.dist(),
            f.ksStatistic(),
            f.ksPValue());
        for (Estimate e : f.estimates()) {
          out.printf(
              Locale.ROOT, "    %-16s %14.6g %14.6g%n", e.name(), e.value(), e.standardError());
        }
      }
      for (Estimate e : p.shares()) {
        out.printf(
            Locale.ROOT,
            "  %-12s %-9s%n    %-16s %14.6g %14.6g%n",
            e.name(),
            "share",
            "p",
            e.value(),
            e.standardError());
      }
    }
    if (!r.calibration().notes().isEmpty()) {
      out.println();
      r.calibration().notes().forEach(n -> out.println("note: " + n));
    }
    out.println();
    out.println(
        "scenario fragment (estimate, then standard error, above; paste the entries under agents:):");
    out.print(fragment(r.calibration()));
    out.flush();
  }

  private static AssetId id(List<Problem> problems, String option, String value) {
    try {
      return AssetId.of(value);
    } catch (IllegalArgumentException e) {
      problems.add(
          new Problem(option, "'" + value + "' is not an id (1 to 64 letters, digits, _ or -)"));
      return null;
    }
  }

  private static double number(
      List<Problem> problems,
      String option,
      String key,
      String value,
      double min,
      boolean inclusive) {
    double v;
    try {
      v = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (!Double.isFinite(v) || (inclusive ? v < min : v <= min) || v > 1e15) {
      problems.add(
          new Problem(
              option,
              key + "=" + value + ": must be a number " + (inclusive ? ">= " : "> ") + min));
      return Double.NaN;
    }
    return v;
  }
}
