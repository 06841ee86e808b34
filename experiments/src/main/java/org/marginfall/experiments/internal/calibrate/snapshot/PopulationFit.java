package org.marginfall.experiments.internal.calibrate.snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.experiments.internal.calibrate.Estimate;

/**
 * One population entry fitted to a snapshot: its scenario fields, the distributions fitted to the
 * accounts, and the shares estimated from them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the population id the fragment gives it
 * @param type the drawn population type it stands for, e.g. {@code leveraged-traders}
 * @param accounts how many of the file's accounts it was fitted to
 * @param fields the fragment's fields in order, values as YAML (the fitted ones included)
 * @param fits the fitted distributions, in field order
 * @param shares fitted shares (a long share), each a field of the fragment too
 */
public record PopulationFit(
    String id,
    String type,
    int accounts,
    Map<String, String> fields,
    List<DistributionFit> fits,
    List<Estimate> shares) {

  /** Copies the collections, keeping the fields' order. */
  public PopulationFit {
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    fits = List.copyOf(fits);
    shares = List.copyOf(shares);
  }

  /** Builds a population entry field by field. Mutable. */
  static final class Builder {
    private final String id;
    private final String type;
    private final int accounts;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<DistributionFit> fits = new ArrayList<>();
    private final List<Estimate> shares = new ArrayList<>();

    Builder(String id, String type, String venue, int accounts) {
      this.id = id;
      this.type = type;
      this.accounts = accounts;
      fields.put("id", id);
      fields.put("type", type);
      fields.put("venue", venue);
    }

    Builder field(String name, String yaml) {
      fields.put(name, yaml);
      return this;
    }

    Builder fit(DistributionFit fit) {
      fields.put(fit.field(), fit.yaml());
      fits.add(fit);
      return this;
    }

    /**
     * Adds a fit written inside another field's value (a supplier's amount in {@code supplies}).
     */
    Builder nestedFit(DistributionFit fit) {
      fits.add(fit);
      return this;
    }

    Builder share(Estimate share) {
      fields.put(share.name(), DistributionFit.number(share.value()));
      shares.add(share);
      return this;
    }

    PopulationFit build() {
      return new PopulationFit(id, type, accounts, fields, fits, shares);
    }
  }

  /** The entry as a YAML list item of {@code agents}, indented by two spaces. */
  public String yaml() {
    StringBuilder s = new StringBuilder();
    String lead = "  - ";
    for (Map.Entry<String, String> f : fields.entrySet()) {
      s.append(lead).append(f.getKey()).append(": ").append(f.getValue()).append('\n');
      lead = "    ";
    }
    return s.toString();
  }
}
