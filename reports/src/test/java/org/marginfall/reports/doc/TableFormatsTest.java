package org.marginfall.reports.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableFormatsTest {

    private static final Table TABLE = new Table("risk", "Risk & co", List.of("metric", "VaR 95%"),
            List.of(List.of("bad_debt", "1, 2"), List.of("say \"hi\"", "\u2014")));

    @Test
    void test_csv_quotesOnlyWhenNeeded() {
        assertEquals("metric,VaR 95%\nbad_debt,\"1, 2\"\n\"say \"\"hi\"\"\",\u2014\n", TableFormats.csv(TABLE));
    }

    @Test
    void test_latex_booktabsAndEscapes() {
        String tex = TableFormats.latex(TABLE);
        assertTrue(tex.contains("\\caption{Risk \\& co}"), tex);
        assertTrue(tex.contains("\\label{tab:risk}"));
        assertTrue(tex.contains("\\begin{tabular}{lr}\n\\toprule\nmetric & VaR 95\\% \\\\\n\\midrule\n"), tex);
        assertTrue(tex.contains("bad\\_debt & 1, 2 \\\\\n"));
        assertTrue(tex.contains("say \"hi\" & --- \\\\\n\\bottomrule\n\\end{tabular}"), tex);
    }

    @Test
    void test_table_rejectsRaggedRowsAndBadIds() {
        assertThrows(IllegalArgumentException.class, () -> new Table("t", "t", List.of("a", "b"), List.of(List.of("1"))));
        assertThrows(IllegalArgumentException.class, () -> new Table("../x", "t", List.of("a"), List.of()));
    }

    @Test
    void test_numbers_format() {
        assertEquals("3400", Numbers.format(3400.0));
        assertEquals("1.00689", Numbers.format(1.006894));
        assertEquals("0.5", Numbers.format(0.5));
        assertEquals("1.23457e+20", Numbers.format(1.234567e20));
        assertEquals("\u2014", Numbers.format(Double.NaN));
        assertEquals("inf", Numbers.format(Double.POSITIVE_INFINITY));
    }
}
