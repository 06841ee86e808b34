package org.marginfall.reports.doc;

import java.util.Objects;

/**
 * One chart drawn both as PNG (for embedding in the page) and as SVG (for papers and zooming).
 *
 * <p>Components: {@code baseName} is the file name without extension, e.g. {@code prices-ETH};
 * {@code title} is the chart's title and {@code caption} a sentence describing what it shows (used
 * as figure caption and alt text); {@code width} and {@code height} are in pixels; {@code png} is
 * the encoded PNG (copied in and out) and {@code svg} the complete SVG document.
 *
 * <p>Instances are immutable and thread-safe.
 */
public record RenderedChart(
    String baseName, String title, String caption, int width, int height, byte[] png, String svg) {

  public RenderedChart {
    Objects.requireNonNull(baseName, "baseName");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(caption, "caption");
    Objects.requireNonNull(svg, "svg");
    png = png.clone();
  }

  /** A copy of the encoded PNG, so the record stays immutable. */
  @Override
  public byte[] png() {
    return png.clone();
  }

  /** File name of the PNG, e.g. {@code prices-ETH.png}. */
  public String pngFileName() {
    return baseName + ".png";
  }

  /** File name of the SVG, e.g. {@code prices-ETH.svg}. */
  public String svgFileName() {
    return baseName + ".svg";
  }

  // The generated equals/hashCode compare arrays by identity; compare PNG bytes by content.
  @Override
  public boolean equals(Object o) {
    return o instanceof RenderedChart other
        && baseName.equals(other.baseName)
        && title.equals(other.title)
        && caption.equals(other.caption)
        && width == other.width
        && height == other.height
        && java.util.Arrays.equals(png, other.png)
        && svg.equals(other.svg);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        baseName, title, caption, width, height, java.util.Arrays.hashCode(png), svg);
  }

  @Override
  public String toString() {
    return "RenderedChart["
        + baseName
        + ", "
        + width
        + "x"
        + height
        + ", png "
        + png.length
        + " bytes, svg "
        + svg.length()
        + " chars]";
  }
}
