package org.marginfall.core.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import sim.field.network.Edge;
import sim.field.network.Network;
import sim.util.Bag;

/**
 * A validated exposure network: nodes ({@link Bank}) and nominal liabilities between them, held as
 * a directed MASON {@link Network} whose edges run from debtor to creditor with the amount as the
 * edge info (so {@link Edge#getWeight()} is the amount). The dense matrix {@code L[i][j]} (i owes
 * j, node order = insertion order) is the adapter the algorithms use.
 *
 * <p>The MASON graph is never exposed: {@link #toMasonNetwork()} returns a fresh copy. Immutable
 * and thread-safe.
 */
public final class ExposureNetwork {

  private final List<Bank> banks;
  private final Map<String, Integer> index;
  private final Network graph;
  private final double[][] liabilities;

  private ExposureNetwork(List<Bank> banks, Network graph) {
    this.banks = List.copyOf(banks);
    Map<String, Integer> idx = new LinkedHashMap<>();
    for (int i = 0; i < this.banks.size(); i++) {
      if (idx.put(this.banks.get(i).id(), i) != null) {
        throw new IllegalArgumentException("duplicate bank id " + this.banks.get(i).id());
      }
    }
    this.index = Collections.unmodifiableMap(idx);
    this.graph = graph;
    this.liabilities = denseFrom(graph, this.banks, idx);
  }

  /** Builds a network from nodes and a dense liability matrix {@code L[i][j]} (i owes j). */
  public static ExposureNetwork of(List<Bank> banks, double[][] liabilities) {
    Objects.requireNonNull(banks, "banks");
    Objects.requireNonNull(liabilities, "liabilities");
    int n = banks.size();
    if (liabilities.length != n) {
      throw new IllegalArgumentException("liability matrix has " + liabilities.length + " rows for " + n + " banks");
    }
    Network g = new Network(true);
    banks.forEach(g::addNode);
    for (int i = 0; i < n; i++) {
      if (liabilities[i].length != n) {
        throw new IllegalArgumentException("liability matrix row " + i + " has " + liabilities[i].length + " columns for " + n + " banks");
      }
      for (int j = 0; j < n; j++) {
        double a = liabilities[i][j];
        checkAmount(banks.get(i).id(), banks.get(j).id(), a, i == j);
        if (a > 0) {
          g.addEdge(banks.get(i), banks.get(j), Double.valueOf(a));
        }
      }
    }
    return new ExposureNetwork(banks, g);
  }

  /**
   * Reads a MASON network whose nodes are {@link Bank}s and whose directed edges run from debtor to
   * creditor with a {@link Number} info (the amount); parallel edges add up. The argument is copied.
   */
  public static ExposureNetwork fromMasonNetwork(Network network) {
    Objects.requireNonNull(network, "network");
    if (!network.isDirected()) {
      throw new IllegalArgumentException("the exposure network must be directed (debtor -> creditor)");
    }
    List<Bank> nodes = new ArrayList<>();
    for (Object o : network.getAllNodes()) {
      if (!(o instanceof Bank b)) {
        throw new IllegalArgumentException("every node must be a Bank, found " + (o == null ? "null" : o.getClass().getName()));
      }
      nodes.add(b);
    }
    Network copy = new Network(true);
    nodes.forEach(copy::addNode);
    for (Bank b : nodes) {
      Bag out = network.getEdgesOut(b);
      for (int k = 0; k < out.numObjs; k++) {
        Edge e = (Edge) out.objs[k];
        if (!(e.info instanceof Number amount)) {
          throw new IllegalArgumentException("edge " + b.id() + " -> " + ((Bank) e.getTo()).id() + " must carry a numeric amount");
        }
        checkAmount(b.id(), ((Bank) e.getTo()).id(), amount.doubleValue(), e.getTo() == b);
        copy.addEdge(b, e.getTo(), Double.valueOf(amount.doubleValue()));
      }
    }
    return new ExposureNetwork(nodes, copy);
  }

  private static void checkAmount(String from, String to, double a, boolean self) {
    if (!Double.isFinite(a) || a < 0) {
      throw new IllegalArgumentException("liability " + from + " -> " + to + " must be finite and >= 0, was " + a);
    }
    if (self && a != 0) {
      throw new IllegalArgumentException("bank " + from + " cannot owe itself");
    }
  }

  /** The matrix adapter: sums the amounts of the edges out of each node, in node order. */
  private static double[][] denseFrom(Network g, List<Bank> banks, Map<String, Integer> idx) {
    int n = banks.size();
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      Bag out = g.getEdgesOut(banks.get(i));
      for (int k = 0; k < out.numObjs; k++) {
        Edge e = (Edge) out.objs[k];
        m[i][idx.get(((Bank) e.getTo()).id())] += ((Number) e.info).doubleValue();
      }
    }
    return m;
  }

  /** The number of nodes. */
  public int size() {
    return banks.size();
  }

  /** The nodes in index order. */
  public List<Bank> banks() {
    return banks;
  }

  /** The node ids in index order. */
  public List<String> ids() {
    return banks.stream().map(Bank::id).toList();
  }

  /** The index of a node id; throws if unknown. */
  public int indexOf(String id) {
    Integer i = index.get(id);
    if (i == null) {
      throw new IllegalArgumentException("unknown bank " + id);
    }
    return i;
  }

  /** The nominal amount node i owes node j. */
  public double liability(int i, int j) {
    return liabilities[i][j];
  }

  /** A copy of the dense matrix {@code L[i][j]} (i owes j). */
  public double[][] liabilityMatrix() {
    double[][] copy = new double[liabilities.length][];
    for (int i = 0; i < liabilities.length; i++) {
      copy[i] = liabilities[i].clone();
    }
    return copy;
  }

  /** External assets in node order. */
  public double[] externalAssets() {
    return banks.stream().mapToDouble(Bank::externalAssets).toArray();
  }

  /** External liabilities in node order. */
  public double[] externalLiabilities() {
    return banks.stream().mapToDouble(Bank::externalLiabilities).toArray();
  }

  /** Equities in node order. */
  public double[] equities() {
    return banks.stream().mapToDouble(Bank::equity).toArray();
  }

  /** Value weights in node order. */
  public double[] values() {
    return banks.stream().mapToDouble(Bank::value).toArray();
  }

  /** Same liabilities with the given external assets (e.g. after a shock), in node order. */
  public ExposureNetwork withExternalAssets(double[] externalAssets) {
    if (externalAssets.length != banks.size()) {
      throw new IllegalArgumentException("expected " + banks.size() + " external assets, got " + externalAssets.length);
    }
    List<Bank> shocked = new ArrayList<>();
    for (int i = 0; i < banks.size(); i++) {
      Bank b = banks.get(i);
      shocked.add(new Bank(b.id(), externalAssets[i], b.externalLiabilities(), b.equity(), b.value()));
    }
    return of(shocked, liabilities);
  }

  /** A fresh, mutable copy of the MASON graph (nodes are the {@link Bank}s, edges debtor -> creditor). */
  public Network toMasonNetwork() {
    Network copy = new Network(true);
    banks.forEach(copy::addNode);
    for (Bank b : banks) {
      Bag out = graph.getEdgesOut(b);
      for (int k = 0; k < out.numObjs; k++) {
        Edge e = (Edge) out.objs[k];
        copy.addEdge(b, e.getTo(), e.info);
      }
    }
    return copy;
  }
}
