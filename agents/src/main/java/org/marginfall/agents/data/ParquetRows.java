package org.marginfall.agents.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.function.LongFunction;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads a Parquet file's rows as text cells through parquet's column reader (no Hadoop file
 * system), so a reader of a CSV layout reads the same columns from Parquet: the header is the
 * schema's top-level field names, each row its values as text (empty when missing). A timestamp
 * column is handed to the caller's formatter in epoch milliseconds; a decimal column is written in
 * plain notation. Parquet needs random access, so the file's bytes are held (once); rows are
 * decoded one at a time. Stateless and thread-safe.
 */
public final class ParquetRows {

  /** Receives the header, then every row in file order. */
  public interface Sink<E extends Exception> {
    /** The column names, in schema order. */
    void header(List<String> names) throws E;

    /** Row {@code row} (1-based) as text cells, one per header column. */
    void row(String[] cells, long row) throws E;
  }

  private ParquetRows() {}

  /**
   * Passes the header and every row of the Parquet file {@code bytes} to {@code sink}.
   *
   * @param timestamps formats a timestamp column's value, given in epoch milliseconds
   * @throws IOException "not a readable Parquet file (...)" when the bytes are not Parquet
   */
  public static <E extends Exception> void read(
      byte[] bytes, LongFunction<String> timestamps, Sink<E> sink) throws IOException, E {
    try (ParquetFileReader reader =
        ParquetFileReader.open(new BytesInputFile(bytes), ParquetReadOptions.builder().build())) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      List<Type> fields = schema.getFields();
      sink.header(fields.stream().map(Type::getName).toList());
      long row = 0;
      for (PageReadStore pages = reader.readNextRowGroup();
          pages != null;
          pages = reader.readNextRowGroup()) {
        RecordReader<Group> records =
            new ColumnIOFactory()
                .getColumnIO(schema)
                .getRecordReader(pages, new GroupRecordConverter(schema));
        for (long r = 0; r < pages.getRowCount(); r++) {
          row++;
          Group g = records.read();
          String[] cells = new String[fields.size()];
          for (int f = 0; f < fields.size(); f++) {
            cells[f] = cell(g, f, fields.get(f), timestamps);
          }
          sink.row(cells, row);
        }
      }
    } catch (IOException | RuntimeException e) {
      // parquet-hadoop reports a file that is not Parquet (bad magic, a broken footer) as plain
      // RuntimeExceptions.
      throw new IOException("not a readable Parquet file (" + e.getMessage() + ")", e);
    }
  }

  /** The text of field {@code f} of {@code g}; empty when the value is missing. */
  private static String cell(Group g, int f, Type type, LongFunction<String> timestamps) {
    if (g.getFieldRepetitionCount(f) == 0 || !type.isPrimitive()) {
      return "";
    }
    PrimitiveType p = type.asPrimitiveType();
    if (p.getLogicalTypeAnnotation()
        instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
      BigInteger unscaled =
          switch (p.getPrimitiveTypeName()) {
            case INT32 -> BigInteger.valueOf(g.getInteger(f, 0));
            case INT64 -> BigInteger.valueOf(g.getLong(f, 0));
            default -> new BigInteger(g.getBinary(f, 0).getBytes());
          };
      return new BigDecimal(unscaled, d.getScale()).toPlainString();
    }
    return switch (p.getPrimitiveTypeName()) {
      case INT64 -> {
        long v = g.getLong(f, 0);
        if (p.getLogicalTypeAnnotation()
            instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
          long ms =
              switch (ts.getUnit()) {
                case MILLIS -> v;
                case MICROS -> Math.floorDiv(v, 1000L);
                case NANOS -> Math.floorDiv(v, 1_000_000L);
              };
          yield timestamps.apply(ms);
        }
        yield Long.toString(v);
      }
      case INT32 -> Integer.toString(g.getInteger(f, 0));
      case DOUBLE -> Double.toString(g.getDouble(f, 0));
      case FLOAT -> Float.toString(g.getFloat(f, 0));
      case BINARY, FIXED_LEN_BYTE_ARRAY -> g.getString(f, 0);
      default -> g.getValueToString(f, 0);
    };
  }

  /** A Parquet input over bytes already in memory (they were read once, for the hash). */
  private record BytesInputFile(byte[] bytes) implements InputFile {
    @Override
    public long getLength() {
      return bytes.length;
    }

    @Override
    public SeekableInputStream newStream() {
      return new DelegatingSeekableInputStream(new SeekableBytes(bytes)) {
        @Override
        public long getPos() {
          return ((SeekableBytes) getStream()).position();
        }

        @Override
        public void seek(long newPos) {
          ((SeekableBytes) getStream()).seek((int) newPos);
        }
      };
    }
  }

  private static final class SeekableBytes extends ByteArrayInputStream {
    SeekableBytes(byte[] bytes) {
      super(bytes);
    }

    long position() {
      return pos;
    }

    void seek(int p) {
      pos = p;
    }
  }
}
