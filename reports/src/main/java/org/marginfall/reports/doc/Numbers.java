package org.marginfall.reports.doc;

import java.util.Locale;

/**
 * The one number format of report tables: six significant digits ({@code %.6g}, Locale.ROOT, no
 * grouping, so the CSV and LaTeX copies read back as numbers), whole numbers below 10^15 without
 * decimals, and an em dash for an undefined value (NaN) — ∞ is written {@code inf}.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class Numbers {

    /** What an undefined value prints as. */
    public static final String UNDEFINED = "\u2014";

    private Numbers() {
    }

    /** Formats {@code value} as described above. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return UNDEFINED;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String s = String.format(Locale.ROOT, "%.6g", value);
        // %.6g keeps trailing zeros (0.500000); they add width and no information.
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    /** {@code value [interval[0], interval[1]]}. */
    public static String withInterval(double value, double[] interval) {
        return withInterval(value, interval[0], interval[1]);
    }

    /** {@code value [low, high]}. */
    public static String withInterval(double value, double low, double high) {
        return format(value) + " [" + format(low) + ", " + format(high) + "]";
    }
}
