package org.marginfall.reports.chart;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Encodes an opaque {@link BufferedImage#TYPE_INT_RGB} image as an 8-bit RGB PNG without metadata.
 * ImageIO's PNG writer copies every row into a new raster before filtering it and buffers its
 * output in a temporary file, which made encoding cost more than drawing a chart; this reads the
 * pixels straight from the image's buffer.
 *
 * <p>Rows are not filtered (PNG filter type 0): on charts, whose rows are long runs of one colour,
 * deflate alone gave smaller files than adaptive filtering, in less time. The bytes are a function
 * of the pixels alone.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
final class PngEncoder {

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private PngEncoder() {}

  /**
   * @param image an image of type {@link BufferedImage#TYPE_INT_RGB}
   * @return the encoded PNG
   * @throws IllegalArgumentException if the image has another type
   */
  static byte[] encode(BufferedImage image) {
    if (image.getType() != BufferedImage.TYPE_INT_RGB) {
      throw new IllegalArgumentException("expected an INT_RGB image, got type " + image.getType());
    }
    int width = image.getWidth();
    int height = image.getHeight();
    // The image's own pixel array, not a copy: the image is not drawn on while it is encoded.
    DataBufferInt data = (DataBufferInt) image.getRaster().getDataBuffer();
    int[] pixels = data.getData();
    int stride = ((SinglePixelPackedSampleModel) image.getSampleModel()).getScanlineStride();
    // One row at a time: its filter type byte (0, none), then red, green, blue per pixel.
    byte[] row = new byte[1 + width * 3];
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    ByteArrayOutputStream idat = new ByteArrayOutputStream(width * height / 4);
    byte[] buffer = new byte[64 * 1024];
    try {
      for (int y = 0; y < height; y++) {
        int offset = data.getOffset() + y * stride;
        for (int x = 0, i = 1; x < width; x++, i += 3) {
          int rgb = pixels[offset + x];
          row[i] = (byte) (rgb >> 16);
          row[i + 1] = (byte) (rgb >> 8);
          row[i + 2] = (byte) rgb;
        }
        deflater.setInput(row);
        // Deflater keeps a reference to its input: consume all of it before the row is reused.
        while (!deflater.needsInput()) {
          idat.write(buffer, 0, deflater.deflate(buffer));
        }
      }
      deflater.finish();
      while (!deflater.finished()) {
        idat.write(buffer, 0, deflater.deflate(buffer));
      }
    } finally {
      deflater.end();
    }

    ByteArrayOutputStream png = new ByteArrayOutputStream(idat.size() + 64);
    png.writeBytes(SIGNATURE);
    byte[] header = new byte[13];
    putInt(header, 0, width);
    putInt(header, 4, height);
    header[8] = 8; // bits per channel
    header[9] = 2; // colour type: RGB
    // compression, filter method and interlace are all 0 (deflate, per-row filter byte, not
    // interlaced)
    chunk(png, "IHDR", header);
    chunk(png, "IDAT", idat.toByteArray());
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] length = new byte[4];
    putInt(length, 0, data.length);
    out.writeBytes(length);
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    byte[] sum = new byte[4];
    putInt(sum, 0, (int) crc.getValue());
    out.writeBytes(sum);
  }

  private static void putInt(byte[] into, int at, int value) {
    into[at] = (byte) (value >>> 24);
    into[at + 1] = (byte) (value >>> 16);
    into[at + 2] = (byte) (value >>> 8);
    into[at + 3] = (byte) value;
  }
}
