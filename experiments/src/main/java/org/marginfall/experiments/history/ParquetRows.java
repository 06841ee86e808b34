package org.marginfall.experiments.history;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * Reads a Parquet price file through parquet's column reader (no Hadoop file system), turning each
 * row into text cells that {@link PriceFile.Builder} reads as a CSV row with a header. A time column
 * with a timestamp logical type is converted by its unit; a plain integer time is read by magnitude
 * like a CSV cell. Stateless.
 */
final class ParquetRows {

  private ParquetRows() {}

  static PriceTable read(byte[] bytes, String name, Optional<String> column) throws DataFileException {
    List<String> problems = new ArrayList<>();
    try (ParquetFileReader reader = ParquetFileReader.open(new BytesInputFile(bytes), ParquetReadOptions.builder().build())) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      List<Type> fields = schema.getFields();
      String[] header = fields.stream().map(Type::getName).toArray(String[]::new);
      PriceFile.Builder builder = PriceFile.Builder.forHeader(header, name, name + " schema", column, problems);
      if (builder == null) {
        throw new DataFileException(problems);
      }
      long row = 0;
      for (PageReadStore pages = reader.readNextRowGroup(); pages != null; pages = reader.readNextRowGroup()) {
        RecordReader<Group> records =
            new ColumnIOFactory().getColumnIO(schema).getRecordReader(pages, new GroupRecordConverter(schema));
        for (long r = 0; r < pages.getRowCount(); r++) {
          row++;
          Group g = records.read();
          String[] cells = new String[fields.size()];
          for (int f = 0; f < fields.size(); f++) {
            cells[f] = cell(g, f, fields.get(f));
          }
          builder.row(cells, name + " row " + row);
        }
      }
      return builder.build();
    } catch (IOException | RuntimeException e) {
      // parquet-hadoop reports a file that is not Parquet (bad magic, a broken footer) as plain RuntimeExceptions.
      throw new DataFileException(List.of(name + ": not a readable Parquet file (" + e.getMessage() + ")"));
    }
  }

  /** The text of field {@code f} of {@code g}; empty when the value is missing. */
  private static String cell(Group g, int f, Type type) {
    if (g.getFieldRepetitionCount(f) == 0 || !type.isPrimitive()) {
      return "";
    }
    PrimitiveType p = type.asPrimitiveType();
    return switch (p.getPrimitiveTypeName()) {
      case INT64 -> {
        long v = g.getLong(f, 0);
        if (p.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
          long ms = switch (ts.getUnit()) {
            case MILLIS -> v;
            case MICROS -> Math.floorDiv(v, 1000L);
            case NANOS -> Math.floorDiv(v, 1_000_000L);
          };
          yield TimeParser.show(ms);
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
