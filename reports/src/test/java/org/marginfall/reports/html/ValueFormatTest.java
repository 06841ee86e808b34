package org.marginfall.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.marginfall.reports.data.SummaryValue;
import org.marginfall.reports.doc.Html;

class ValueFormatTest {

  @Test
  void drawdownsArePercentages() {
    assertEquals("37.00%", ValueFormat.format("marketMaxDrawdown", new SummaryValue.Real(0.37)));
    assertEquals("0.00%", ValueFormat.format("fundamentalMaxDrawdown", new SummaryValue.Real(0.0)));
  }

  @Test
  void amplificationHasThreeDecimalsAndNullIsADash() {
    assertEquals("1.230", ValueFormat.format("amplification", new SummaryValue.Real(1.23)));
    assertEquals("\u2014", ValueFormat.format("amplification", new SummaryValue.Null()));
  }

  @Test
  void amountsAreGroupedWithTwoDecimals() {
    assertEquals(
        "12,000,000.00", ValueFormat.format("liquidatedNotional", new SummaryValue.Real(1.2E7)));
    assertEquals("-3,400.50", ValueFormat.format("x", new SummaryValue.Real(-3400.5)));
    assertEquals("0.00", ValueFormat.format("x", new SummaryValue.Real(-0.0)));
    assertEquals("5.000e-03", ValueFormat.format("x", new SummaryValue.Real(0.005)));
    assertEquals("NaN", ValueFormat.format("x", new SummaryValue.Real(Double.NaN)));
  }

  @Test
  void integersTextAndBooleansAreShownAsWritten() {
    assertEquals("1234567", ValueFormat.format("seed", new SummaryValue.Int(1234567)));
    assertEquals("perpetual", ValueFormat.format("type", new SummaryValue.Text("perpetual")));
    assertEquals("true", ValueFormat.format("enabled", new SummaryValue.Bool(true)));
    assertEquals("[1,2]", ValueFormat.format("x", new SummaryValue.Structured("[1,2]")));
  }

  @Test
  void formattingIgnoresTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertEquals("12,000,000.00", ValueFormat.amount(1.2E7));
      assertEquals("37.00%", ValueFormat.real("marketMaxDrawdown", 0.37));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void escapesMarkupCharacters() {
    assertEquals(
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;",
        Html.escape("<a href=\"x\">Tom & Jerry's</a>"));
  }
}
