package org.marginfall.agents.snapshot;

import java.util.Objects;

/**
 * A row of a snapshot file that does not fit the scenario, where it is and why: reported with its
 * file and line, and either refused (the run does not start) or skipped and counted.
 *
 * <p>Immutable and thread-safe.
 *
 * @param file the file as the scenario names it
 * @param line the 1-based line the row starts on (for a Parquet file, its 1-based data row)
 * @param reason the kind of misfit, counted per kind in {@code summary.json}
 * @param detail what is wrong, naming the value
 * @param byRow whether {@code line} is a data row of a Parquet file rather than a text line
 */
public record InvalidRow(String file, long line, Reason reason, String detail, boolean byRow) {

  /** A row of a text file, at its line. */
  public InvalidRow(String file, long line, Reason reason, String detail) {
    this(file, line, reason, detail, false);
  }

  /**
   * Where {@code line} of {@code file} is, as messages name it: {@code file:line} in a text file,
   * {@code file row N} in a Parquet file ({@code file schema} for its header).
   */
  public static String place(String file, boolean byRow, long line) {
    return !byRow ? file + ":" + line : line == 0 ? file + " schema" : file + " row " + line;
  }

  /** Why a row does not fit. */
  public enum Reason {
    /** A cell that is not a number, a missing value, a row with the wrong number of cells. */
    MALFORMED("malformed"),
    /** A market the venue does not list. */
    UNKNOWN_MARKET("unknown-market"),
    /** An asset the venue does not take (collateral, reserve) or the scenario does not declare. */
    UNKNOWN_ASSET("unknown-asset"),
    /** A collateral type (ilk) the venue has no terms for. */
    UNKNOWN_ILK("unknown-ilk"),
    /** A negative collateral, supply, borrow or debt. */
    NEGATIVE_AMOUNT("negative-amount"),
    /** An account (or account and market, vault and ilk) given twice. */
    DUPLICATE_ACCOUNT("duplicate-account"),
    /** A margin mode other than the venue's. */
    MARGIN_MODE("margin-mode"),
    /**
     * The venue's own rules refuse the account at the start (it would liquidate it, or cannot fund
     * its debt).
     */
    REJECTED_AT_START("rejected-at-start");

    private final String key;

    Reason(String key) {
      this.key = key;
    }

    /** The name written to {@code summary.json} and {@code events.jsonl}. */
    public String key() {
      return key;
    }
  }

  /** Validates the fields. */
  public InvalidRow {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  /** {@code file:line: detail (reason)}, as reported to the user. */
  public String message() {
    return place(file, byRow, line) + ": " + detail + " (" + reason.key() + ")";
  }
}
