package org.marginfall.reports.doc;

import java.util.Objects;

/**
 * One element of a report document, rendered the same way in HTML and PDF.
 *
 * <p>All implementations are immutable and thread-safe records.
 */
public sealed interface Block {

  /** A section heading. */
  record Heading(String text) implements Block {
    public Heading {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A paragraph of plain text. */
  record Paragraph(String text) implements Block {
    public Paragraph {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A table, also written as CSV and LaTeX. */
  record TableBlock(Table table) implements Block {
    public TableBlock {
      Objects.requireNonNull(table, "table");
    }
  }

  /** A chart, shown as PNG with its caption; its SVG is linked. */
  record Figure(RenderedChart chart) implements Block {
    public Figure {
      Objects.requireNonNull(chart, "chart");
    }
  }
}
