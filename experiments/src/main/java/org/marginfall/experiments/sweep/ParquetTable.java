package org.marginfall.experiments.sweep;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
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
 * Mutable and not thread-safe: one writer per file.
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
        case STRING -> schema.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c.name());
        default -> throw new IllegalStateException("unknown type " + c.type());
      }
    }
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
      throw new IllegalArgumentException("expected " + columns.size() + " cells, got " + cells.size());
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

  @Override
  public void close() throws IOException {
    writer.close();
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
