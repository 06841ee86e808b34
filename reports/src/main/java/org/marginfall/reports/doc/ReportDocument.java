package org.marginfall.reports.doc;

import java.util.List;
import java.util.Objects;

/**
 * The content of a report independent of its format: a title and blocks in page order. The HTML
 * page and the PDF are both rendered from one document, so they cannot disagree.
 *
 * <p>Instances are immutable and thread-safe.
 */
public record ReportDocument(String title, List<Block> blocks) {

  public ReportDocument {
    Objects.requireNonNull(title, "title");
    blocks = List.copyOf(blocks);
  }

  /** The tables, in page order. */
  public List<Table> tables() {
    return blocks.stream()
        .filter(b -> b instanceof Block.TableBlock)
        .map(b -> ((Block.TableBlock) b).table())
        .toList();
  }

  /** The charts, in page order. */
  public List<RenderedChart> charts() {
    return blocks.stream()
        .filter(b -> b instanceof Block.Figure)
        .map(b -> ((Block.Figure) b).chart())
        .toList();
  }
}
