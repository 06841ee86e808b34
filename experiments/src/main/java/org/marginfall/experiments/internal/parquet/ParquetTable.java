package org.marginfall.experiments.internal.parquet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Streams rows of text cells into a Parquet file with typed, optional columns (64-bit integers,
 * doubles, UTF-8 strings), through parquet-hadoop's writer on a local file (no Hadoop file system).
 * An empty cell is a null, in every column. Snappy-compressed, readable by pandas/pyarrow, R arrow
 * and DuckDB; the footer names the object model {@code marginfall} ({@code writer.model.name}).
 *
 * <p>The same rows give the same bytes in every process: parquet-hadoop lists each column chunk's
 * encodings in the footer in the iteration order of a {@code HashSet} of enum constants, which
 * follows their identity hash codes and so changes from one JVM to the next (apache/parquet-java
 * issue 3215); {@link #close()} rewrites the footer with each list in ascending order. Mutable and
 * not thread-safe: one writer per file.
 */
public final class ParquetTable implements Closeable {

  /** A column's type. */
  public enum Type {
    /** 64-bit signed integer. */
    LONG,
    /** IEEE double. */
    DOUBLE,
    /** UTF-8 text. */
    STRING
  }

  /** A column: its name and type. */
  public record Column(String name, Type type) {}

  /** The {@code writer.model.name} of the files. */
  private static final String MODEL_NAME = "marginfall";

  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private final Path file;
  private final List<Column> columns;
  private final ParquetWriter<List<String>> writer;

  /** Creates {@code file} (replacing it) with {@code columns}. */
  public ParquetTable(Path file, String tableName, List<Column> columns) throws IOException {
    this.columns = List.copyOf(columns);
    Types.MessageTypeBuilder schema = Types.buildMessage();
    for (Column c : columns) {
      switch (c.type()) {
        case LONG -> schema.optional(PrimitiveTypeName.INT64).named(c.name());
        case DOUBLE -> schema.optional(PrimitiveTypeName.DOUBLE).named(c.name());
        case STRING ->
            schema
                .optional(PrimitiveTypeName.BINARY)
                .as(LogicalTypeAnnotation.stringType())
                .named(c.name());
        default -> throw new IllegalStateException("unknown type " + c.type());
      }
    }
    this.file = file;
    this.writer =
        new Builder(new LocalOutputFile(file), schema.named(tableName), this.columns)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .build();
  }

  /**
   * Appends a row.
   *
   * @throws NumberFormatException when a numeric column's cell is not a number
   */
  public void write(List<String> cells) throws IOException {
    if (cells.size() != columns.size()) {
      throw new IllegalArgumentException(
          "expected " + columns.size() + " cells, got " + cells.size());
    }
    for (int i = 0; i < cells.size(); i++) {
      String v = cells.get(i);
      if (!v.isEmpty() && columns.get(i).type() == Type.LONG) {
        Long.parseLong(v); // refused here, before the writer holds half a row
      } else if (!v.isEmpty() && columns.get(i).type() == Type.DOUBLE) {
        Double.parseDouble(v);
      }
    }
    writer.write(cells);
  }

  /** Finishes the file and puts its footer in canonical form. */
  @Override
  public void close() throws IOException {
    writer.close();
    canonicalizeFooter(file);
  }

  /**
   * Rewrites the footer of the Parquet file {@code file} with every column chunk's list of
   * encodings in ascending order of their Thrift values; everything else is written back as read.
   */
  static void canonicalizeFooter(Path file) throws IOException {
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = ch.size();
      ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, tail, size - 8);
      int length = tail.getInt(0);
      if (size < 12 + (long) length
          || tail.get(4) != MAGIC[0]
          || tail.get(5) != MAGIC[1]
          || tail.get(6) != MAGIC[2]
          || tail.get(7) != MAGIC[3]) {
        throw new IOException(file + " does not end with a Parquet footer");
      }
      long start = size - 8 - length;
      ByteBuffer footer = ByteBuffer.allocate(length);
      readFully(ch, footer, start);
      FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(footer.array()));
      for (RowGroup group : meta.getRow_groups()) {
        for (ColumnChunk chunk : group.getColumns()) {
          ColumnMetaData column = chunk.getMeta_data();
          List<Encoding> encodings = new ArrayList<>(column.getEncodings());
          encodings.sort(Comparator.comparingInt(Encoding::getValue));
          column.setEncodings(encodings);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(length);
      Util.writeFileMetaData(meta, out);
      ByteBuffer end = ByteBuffer.allocate(out.size() + 8).order(ByteOrder.LITTLE_ENDIAN);
      end.put(out.toByteArray()).putInt(out.size()).put(MAGIC).flip();
      ch.truncate(start);
      while (end.hasRemaining()) {
        ch.write(end, start + end.position());
      }
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer buffer, long position)
      throws IOException {
    while (buffer.hasRemaining()) {
      if (ch.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("unexpected end of a Parquet file");
      }
    }
  }

  /** Builds the writer of rows of cells. */
  private static final class Builder extends ParquetWriter.Builder<List<String>, Builder> {
    private final MessageType schema;
    private final List<Column> columns;

    Builder(OutputFile file, MessageType schema, List<Column> columns) {
      super(file);
      this.schema = schema;
      this.columns = columns;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<List<String>> getWriteSupport(Configuration conf) {
      return new CellsWriteSupport(schema, columns);
    }
  }

  /** Writes a row of text cells as one record: an empty cell is an absent (null) field. */
  private static final class CellsWriteSupport extends WriteSupport<List<String>> {
    private final MessageType schema;
    private final List<Column> columns;
    private RecordConsumer consumer;

    CellsWriteSupport(MessageType schema, List<Column> columns) {
      this.schema = schema;
      this.columns = columns;
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(schema, Map.of());
    }

    @Override
    public String getName() {
      return MODEL_NAME;
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
    }

    @Override
    public void write(List<String> cells) {
      consumer.startMessage();
      for (int i = 0; i < cells.size(); i++) {
        String v = cells.get(i);
        if (v.isEmpty()) {
          continue;
        }
        Column c = columns.get(i);
        consumer.startField(c.name(), i);
        switch (c.type()) {
          case LONG -> consumer.addLong(Long.parseLong(v));
          case DOUBLE -> consumer.addDouble(Double.parseDouble(v));
          case STRING -> consumer.addBinary(Binary.fromString(v));
          default -> throw new IllegalStateException("unknown type " + c.type());
        }
        consumer.endField(c.name(), i);
      }
      consumer.endMessage();
    }
  }
}
