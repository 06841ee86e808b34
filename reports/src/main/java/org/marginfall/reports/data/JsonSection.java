package org.marginfall.reports.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed access to one JSON object of an input file. Every failure names the file and the field's
 * dotted path (e.g. {@code summary.json: field 'run.steps' must be an integer, found string}),
 * which is what lets a user find the problem without a stack trace.
 *
 * <p>Instances are not immutable (they wrap a Jackson tree) and are meant to be used by one thread
 * while a file is being read; they never escape the readers.
 */
final class JsonSection {

  private final String file;
  private final String path;
  private final ObjectNode node;

  JsonSection(String file, String path, ObjectNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  /** The nested object {@code key}; it must be present. */
  JsonSection section(String key) {
    JsonNode child = node.get(key);
    if (child == null) {
      throw missing(key);
    }
    return asSection(key, child);
  }

  /** The nested object {@code key}, or {@code null} if absent or JSON null. */
  JsonSection optionalSection(String key) {
    JsonNode child = node.get(key);
    return child == null || child.isNull() ? null : asSection(key, child);
  }

  /** The raw member {@code key}, or {@code null} if absent, for readers of arrays. */
  JsonNode raw(String key) {
    return node.get(key);
  }

  /** The dotted path of member {@code key}, as error messages name it. */
  String path(String key) {
    return pathOf(key);
  }

  /** The file this section was read from. */
  String file() {
    return file;
  }

  /** The names of this object's members, in file order. */
  List<String> names() {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Every member of this object, each of which must itself be an object, in file order. */
  Map<String, JsonSection> children() {
    Map<String, JsonSection> result = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      result.put(entry.getKey(), asSection(entry.getKey(), entry.getValue()));
    }
    return result;
  }

  String requiredText(String key) {
    String value = optionalText(key);
    if (value == null) {
      throw node.has(key) ? wrongType(key, "a string") : missing(key);
    }
    return value;
  }

  /** The string {@code key}, or {@code null} if absent or JSON null. */
  String optionalText(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw wrongType(key, "a string");
    }
    return value.textValue();
  }

  long requiredLong(String key) {
    Long value = optionalLong(key);
    if (value == null) {
      throw node.has(key) ? wrongType(key, "an integer") : missing(key);
    }
    return value;
  }

  /** The integer {@code key}, or {@code null} if absent or JSON null. */
  Long optionalLong(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw wrongType(key, "an integer");
    }
    return value.longValue();
  }

  double requiredDouble(String key) {
    Double value = optionalDouble(key);
    if (value == null) {
      throw node.has(key) ? wrongType(key, "a number") : missing(key);
    }
    return value;
  }

  /** The number {@code key}, or {@code null} if absent or JSON null. */
  Double optionalDouble(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw wrongType(key, "a number");
    }
    return value.doubleValue();
  }

  /** The boolean {@code key}, or {@code null} if absent or JSON null. */
  Boolean optionalBoolean(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      throw wrongType(key, "a boolean");
    }
    return value.booleanValue();
  }

  /** All fields of this object with their JSON types kept, in file order. */
  SummaryFields fields() {
    Map<String, SummaryValue> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      values.put(entry.getKey(), toValue(entry.getValue()));
    }
    return SummaryFields.of(values);
  }

  private static SummaryValue toValue(JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return new SummaryValue.Int(value.longValue());
    }
    if (value.isNumber()) {
      return new SummaryValue.Real(value.doubleValue());
    }
    if (value.isTextual()) {
      return new SummaryValue.Text(value.textValue());
    }
    if (value.isBoolean()) {
      return new SummaryValue.Bool(value.booleanValue());
    }
    if (value.isNull()) {
      return new SummaryValue.Null();
    }
    return new SummaryValue.Structured(value.toString());
  }

  private JsonSection asSection(String key, JsonNode child) {
    if (!child.isObject()) {
      throw wrongType(key, "an object");
    }
    return new JsonSection(file, pathOf(key), (ObjectNode) child);
  }

  private ReportException missing(String key) {
    return new ReportException(file, "missing field '" + pathOf(key) + "'");
  }

  private ReportException wrongType(String key, String expected) {
    return new ReportException(
        file,
        "field '" + pathOf(key) + "' must be " + expected + ", found " + describe(node.get(key)));
  }

  private String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The JSON type of a node in the words a user would use: string, number, object, ... */
  static String describe(JsonNode value) {
    return value.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
