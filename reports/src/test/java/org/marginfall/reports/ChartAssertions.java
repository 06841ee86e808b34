package org.marginfall.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/**
 * Checks on chart output shared by the chart and writer tests.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class ChartAssertions {

  private ChartAssertions() {}

  /** The PNG decodes, has the given size, and is not a blank canvas. */
  public static void assertPng(byte[] png, int width, int height) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertNotNull(image, "not a decodable image");
    assertEquals(width, image.getWidth());
    assertEquals(height, image.getHeight());
    int background = image.getRGB(0, 0);
    long differing = 0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (image.getRGB(x, y) != background) {
          differing++;
        }
      }
    }
    // Title, axes, lines or bars cover far more than 1 % of the canvas.
    assertTrue(differing > width * height / 100, "only " + differing + " non-background pixels");
  }

  /** The SVG is well-formed XML with an svg root; parsed without fetching any DTD or entity. */
  public static Document assertSvg(byte[] svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    Document document = builder.parse(new ByteArrayInputStream(svg));
    assertEquals("svg", document.getDocumentElement().getLocalName());
    return document;
  }
}
