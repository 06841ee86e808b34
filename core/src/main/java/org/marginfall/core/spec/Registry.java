package org.marginfall.core.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A closed, discoverable family of pluggable types looked up by their scenario name, so that an
 * unknown name can list the known ones.
 *
 * <p>Immutable once built and thread-safe.
 *
 * @param <T> the family
 */
public final class Registry<T> {

  private final String family;
  private final Map<String, T> byName;

  private Registry(String family, Map<String, T> byName) {
    this.family = family;
    this.byName = Collections.unmodifiableMap(byName);
  }

  /** Builds a registry of {@code members}, named by {@code name}. */
  @SafeVarargs
  public static <T> Registry<T> of(String family, Function<T, String> name, T... members) {
    Map<String, T> map = new LinkedHashMap<>();
    for (T m : members) {
      if (map.put(name.apply(m), m) != null) {
        throw new IllegalArgumentException("duplicate " + family + " '" + name.apply(m) + "'");
      }
    }
    return new Registry<>(family, map);
  }

  /**
   * This registry with {@code member} added under {@code name}, after the others.
   *
   * @throws IllegalArgumentException if the name is taken
   */
  public Registry<T> with(String name, T member) {
    Map<String, T> map = new LinkedHashMap<>(byName);
    if (map.put(name, member) != null) {
      throw new IllegalArgumentException("duplicate " + family + " '" + name + "'");
    }
    return new Registry<>(family, map);
  }

  /** The member with this name. */
  public Optional<T> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The known names, sorted. */
  public Set<String> names() {
    return Collections.unmodifiableSet(new TreeSet<>(byName.keySet()));
  }

  /**
   * Looks up the {@code field} of {@code node}, reporting an unknown name with the known ones.
   *
   * @return the member, or null after a failure
   */
  public T lookup(SpecNode node, String field) {
    return node.choice(field, family, byName);
  }

  /**
   * As {@link #lookup(SpecNode, String)}, with the member named {@code defaultName} when the field
   * is absent.
   */
  public T lookup(SpecNode node, String field, String defaultName) {
    return node.get(field).isMissing() ? byName.get(defaultName) : lookup(node, field);
  }
}
