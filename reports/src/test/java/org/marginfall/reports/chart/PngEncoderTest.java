package org.marginfall.reports.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

class PngEncoderTest {

  /** Odd sizes and noisy pixels, so no row or channel mix-up can hide. */
  private static BufferedImage noise(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(42);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    return image;
  }

  @Test
  void decodesToTheSamePixels() throws IOException {
    BufferedImage image = noise(37, 23);
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(image)));
    assertEquals(37, decoded.getWidth());
    assertEquals(23, decoded.getHeight());
    for (int y = 0; y < 23; y++) {
      for (int x = 0; x < 37; x++) {
        assertEquals(image.getRGB(x, y), decoded.getRGB(x, y) | 0xFF000000, "pixel " + x + "," + y);
      }
    }
  }

  @Test
  void sameImageGivesSameBytes() {
    assertArrayEquals(PngEncoder.encode(noise(50, 10)), PngEncoder.encode(noise(50, 10)));
  }

  @Test
  void refusesAnImageWithAlpha() {
    BufferedImage argb = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
    assertThrows(IllegalArgumentException.class, () -> PngEncoder.encode(argb));
  }

  /**
   * The reason for RGB without alpha: the PDF gets the compressed data as it is, not re-encoded.
   */
  @Test
  void pdfBoxEmbedsTheCompressedDataAsItIs() throws IOException {
    byte[] png = PngEncoder.encode(noise(64, 32));
    try (PDDocument pdf = new PDDocument()) {
      PDImageXObject image = PDImageXObject.createFromByteArray(pdf, png, "noise.png");
      try (InputStream raw = image.getCOSObject().createRawInputStream()) {
        assertArrayEquals(idat(png), raw.readAllBytes());
      }
    }
  }

  /** The concatenated data of the PNG's IDAT chunks. */
  private static byte[] idat(byte[] png) {
    ByteBuffer in = ByteBuffer.wrap(png);
    in.position(8);
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    while (in.remaining() >= 12) {
      int length = in.getInt();
      byte[] type = new byte[4];
      in.get(type);
      byte[] body = new byte[length];
      in.get(body);
      in.getInt();
      if (new String(type, StandardCharsets.US_ASCII).equals("IDAT")) {
        data.writeBytes(body);
      }
    }
    return data.toByteArray();
  }
}
