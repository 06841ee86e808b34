import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Converts a snapshot CSV (one header line, no quoted cells) to Parquet with the same column names,
 * for timing `format: parquet` on the files of big_snapshots.py (docs/performance.md):
 *
 * <pre>
 * java -cp experiments/target/marginfall.jar benchmarks/scripts/CsvToParquet.java in.csv out.parquet
 * </pre>
 *
 * Columns account, market, asset, marginMode, ilk, urn and vault are strings, the others optional
 * doubles (an empty cell is null).
 */
public class CsvToParquet {
  private static final List<String> STRINGS =
      List.of("account", "market", "asset", "marginMode", "ilk", "urn", "vault");

  public static void main(String[] args) throws Exception {
    try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      String[] header = in.readLine().split(",", -1);
      List<String> fields = new ArrayList<>();
      for (String h : header) {
        fields.add(
            STRINGS.contains(h)
                ? "required binary " + h + " (STRING);"
                : "optional double " + h + ";");
      }
      MessageType schema =
          MessageTypeParser.parseMessageType("message snapshot { " + String.join(" ", fields) + " }");
      SimpleGroupFactory groups = new SimpleGroupFactory(schema);
      Files.deleteIfExists(Path.of(args[1]));
      try (ParquetWriter<Group> w =
          ExampleParquetWriter.builder(new LocalOutputFile(Path.of(args[1])))
              .withType(schema)
              .build()) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          String[] cells = line.split(",", -1);
          Group g = groups.newGroup();
          for (int i = 0; i < header.length; i++) {
            if (STRINGS.contains(header[i])) {
              g.append(header[i], cells[i]);
            } else if (!cells[i].isEmpty()) {
              g.append(header[i], Double.parseDouble(cells[i]));
            }
          }
          w.write(g);
        }
      }
    }
  }
}
