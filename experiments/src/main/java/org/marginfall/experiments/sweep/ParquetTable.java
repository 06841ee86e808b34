package org.marginfall.experiments.sweep;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Streams rows of text cells into a Parquet file with typed, optional columns (64-bit integers,
 * doubles, UTF-8 strings), through parquet-hadoop's writer on a local file (no Hadoop file system).
 * An empty cell is a null. Snappy-compressed, readable by pandas/pyarrow, R arrow and DuckDB.
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

  private final List<Column> columns;
  private final SimpleGroupFactory groups;
  private final ParquetWriter<Group> writer;

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
    MessageType type = schema.named(tableName);
    this.groups = new SimpleGroupFactory(type);
    this.writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withType(type)
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
    Group g = groups.newGroup();
    for (int i = 0; i < cells.size(); i++) {
      String v = cells.get(i);
      if (v.isEmpty() && columns.get(i).type() != Type.STRING) {
        continue;
      }
      switch (columns.get(i).type()) {
        case LONG -> g.add(i, Long.parseLong(v));
        case DOUBLE -> g.add(i, Double.parseDouble(v));
        case STRING -> g.add(i, v);
        default -> throw new IllegalStateException("unknown type");
      }
    }
    writer.write(g);
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
