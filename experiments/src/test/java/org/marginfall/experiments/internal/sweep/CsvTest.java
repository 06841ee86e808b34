package org.marginfall.experiments.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void test_line_quotesOnlyCommasAndQuotes() {
    // RFC 4180: a cell with a comma or a quote is quoted and its quotes doubled; nothing else is
    // quoted (leading spaces, '#', tabs and non-ASCII letters stay bare), an empty cell is empty.
    assertEquals("1,0.5,,ok", Csv.line(List.of("1", "0.5", "", "ok")));
    assertEquals("\"a,b\",\"say \"\"hi\"\"\"", Csv.line(List.of("a,b", "say \"hi\"")));
    assertEquals(" lead,#x,t\tab,é", Csv.line(List.of(" lead", "#x", "t\tab", "é")));
  }

  @Test
  void test_line_putsEveryRecordOnOneLine() {
    // Line breaks (CRLF, LF, CR) become spaces before writing, so no record spans two lines.
    assertEquals("a b c d,x", Csv.line(List.of("a\r\nb\nc\rd", "x")));
  }

  @Test
  void test_parse_readsBackWhatLineWrote() {
    List<String> cells = List.of("", "a,b", "\"", "say \"hi\", then go", " x ", "1.0E-5");
    assertEquals(cells, Csv.parse(Csv.line(cells)));
    assertEquals(List.of(""), Csv.parse(""));
    assertEquals(List.of("", ""), Csv.parse(","));
  }

  @Test
  void test_parse_rejectsATornQuotedCell() {
    // The last line of a killed sweep can end inside a quoted cell.
    String whole = Csv.line(List.of("3", "failed", "boom, \"bad\" input"));
    assertThrows(
        IllegalArgumentException.class, () -> Csv.parse(whole.substring(0, whole.length() - 3)));
  }
}
