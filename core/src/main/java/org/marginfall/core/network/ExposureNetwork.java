package org.marginfall.core.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import sim.field.network.Edge;
import sim.field.network.Network;
import sim.util.Bag;

/**
 * A validated exposure network: nodes ({@link Bank}) and nominal liabilities between them, held
 * sparse in compressed-row form twice, by debtor (row i: whom i owes) and by creditor (column j:
 * who owes j), each row sorted by the other end's index. Memory and every traversal are O(nodes +
 * edges); no n×n array is built unless {@link #liabilityMatrix()} is asked for.
 *
 * <p>{@link #fromMasonNetwork} and {@link #toMasonNetwork} convert from and to a directed MASON
 * {@link Network} (edges run from debtor to creditor with the amount as the edge info), always by
 * copy. Immutable and thread-safe.
 */
public final class ExposureNetwork {

  /** One positive liability: node {@code from} owes node {@code to} the {@code amount}. */
  public record Liability(int from, int to, double amount) {}

  private final List<Bank> banks;
  private final Map<String, Integer> index;
  private final Csr byDebtor;
  private final Csr byCreditor;

  /**
   * Compressed rows: row r's entries are {@code other[start[r] .. start[r+1])} with {@code
   * amount[...]}, sorted by {@code other}.
   */
  record Csr(int[] start, int[] other, double[] amount) {
    int begin(int row) {
      return start[row];
    }

    int end(int row) {
      return start[row + 1];
    }
  }

  private ExposureNetwork(List<Bank> banks, Csr byDebtor, Csr byCreditor) {
    this.banks = List.copyOf(banks);
    Map<String, Integer> idx = new HashMap<>(this.banks.size() * 2);
    for (int i = 0; i < this.banks.size(); i++) {
      if (idx.put(this.banks.get(i).id(), i) != null) {
        throw new IllegalArgumentException("duplicate bank id " + this.banks.get(i).id());
      }
    }
    this.index = Collections.unmodifiableMap(idx);
    this.byDebtor = byDebtor;
    this.byCreditor = byCreditor;
  }

  /**
   * Builds a network from nodes and a dense liability matrix {@code L[i][j]} (i owes j); O(n²), for
   * small inputs.
   */
  public static ExposureNetwork of(List<Bank> banks, double[][] liabilities) {
    Objects.requireNonNull(banks, "banks");
    Objects.requireNonNull(liabilities, "liabilities");
    int n = banks.size();
    if (liabilities.length != n) {
      throw new IllegalArgumentException(
          "liability matrix has " + liabilities.length + " rows for " + n + " banks");
    }
    EdgeList edges = new EdgeList();
    for (int i = 0; i < n; i++) {
      if (liabilities[i].length != n) {
        throw new IllegalArgumentException(
            "liability matrix row "
                + i
                + " has "
                + liabilities[i].length
                + " columns for "
                + n
                + " banks");
      }
      for (int j = 0; j < n; j++) {
        double a = liabilities[i][j];
        checkAmount(banks.get(i).id(), banks.get(j).id(), a, i == j);
        if (a > 0) {
          edges.add(i, j, a);
        }
      }
    }
    return fromEdges(banks, edges.from(), edges.to(), edges.amount());
  }

  /**
   * Builds a network from nodes and parallel arrays of edges: {@code from[k]} owes {@code to[k]}
   * the {@code amount[k]} (indices into {@code banks}). Parallel edges add up, in array order. O((n
   * + m) log m) time, O(n + m) memory.
   */
  public static ExposureNetwork fromEdges(List<Bank> banks, int[] from, int[] to, double[] amount) {
    Objects.requireNonNull(banks, "banks");
    int n = banks.size();
    int m = from.length;
    if (to.length != m || amount.length != m) {
      throw new IllegalArgumentException("from, to and amount must have the same length");
    }
    for (int k = 0; k < m; k++) {
      if (from[k] < 0 || from[k] >= n || to[k] < 0 || to[k] >= n) {
        throw new IllegalArgumentException("edge " + k + " names a node outside 0.." + (n - 1));
      }
      checkAmount(banks.get(from[k]).id(), banks.get(to[k]).id(), amount[k], from[k] == to[k]);
    }
    Csr byDebtor = compress(n, from, to, amount);
    return new ExposureNetwork(banks, byDebtor, transpose(n, byDebtor));
  }

  /**
   * Groups the positive edges by row (counting sort, which keeps array order), sorts each row by
   * the other end (ties keep array order) and sums parallel edges in that order. O(n + m log d).
   */
  private static Csr compress(int n, int[] row, int[] other, double[] amount) {
    int[] count = new int[n + 1];
    for (int k = 0; k < row.length; k++) {
      if (amount[k] > 0) {
        count[row[k] + 1]++;
      }
    }
    for (int r = 0; r < n; r++) {
      count[r + 1] += count[r];
    }
    int total = count[n];
    int[] fill = Arrays.copyOf(count, n);
    int[] byRow = new int[total];
    for (int k = 0; k < row.length; k++) {
      if (amount[k] > 0) {
        byRow[fill[row[k]]++] = k;
      }
    }
    int[] start = new int[n + 1];
    int[] o = new int[total];
    double[] amt = new double[total];
    int size = 0;
    for (int r = 0; r < n; r++) {
      int from = count[r];
      int to = count[r + 1];
      // Key = (other end, position in the row): sorting the keys sorts by other end, stably.
      long[] keys = new long[to - from];
      for (int q = from; q < to; q++) {
        keys[q - from] = ((long) other[byRow[q]] << 32) | (q - from);
      }
      Arrays.sort(keys);
      int prev = -1;
      for (long key : keys) {
        int k = byRow[from + (int) (key & 0xffffffffL)];
        if (other[k] == prev) {
          amt[size - 1] += amount[k];
          continue;
        }
        o[size] = other[k];
        amt[size] = amount[k];
        size++;
        prev = other[k];
      }
      start[r + 1] = size;
    }
    return new Csr(start, Arrays.copyOf(o, size), Arrays.copyOf(amt, size));
  }

  /**
   * The same edges grouped by the other end, each group sorted by row (a counting sort, O(n + m)).
   */
  private static Csr transpose(int n, Csr c) {
    int m = c.other.length;
    int[] start = new int[n + 1];
    for (int k = 0; k < m; k++) {
      start[c.other[k] + 1]++;
    }
    for (int r = 0; r < n; r++) {
      start[r + 1] += start[r];
    }
    int[] fill = Arrays.copyOf(start, n);
    int[] o = new int[m];
    double[] amt = new double[m];
    for (int row = 0; row < n; row++) {
      for (int k = c.begin(row); k < c.end(row); k++) {
        int slot = fill[c.other[k]]++;
        o[slot] = row;
        amt[slot] = c.amount[k];
      }
    }
    return new Csr(start, o, amt);
  }

  /**
   * Reads a MASON network whose nodes are {@link Bank}s and whose directed edges run from debtor to
   * creditor with a {@link Number} info (the amount); parallel edges add up. The argument is
   * copied.
   */
  public static ExposureNetwork fromMasonNetwork(Network network) {
    Objects.requireNonNull(network, "network");
    if (!network.isDirected()) {
      throw new IllegalArgumentException(
          "the exposure network must be directed (debtor -> creditor)");
    }
    List<Bank> nodes = new ArrayList<>();
    Map<Bank, Integer> position = new java.util.IdentityHashMap<>();
    for (Object o : network.getAllNodes()) {
      if (!(o instanceof Bank b)) {
        throw new IllegalArgumentException(
            "every node must be a Bank, found " + (o == null ? "null" : o.getClass().getName()));
      }
      position.put(b, nodes.size());
      nodes.add(b);
    }
    EdgeList edges = new EdgeList();
    for (Bank b : nodes) {
      Bag out = network.getEdgesOut(b);
      for (int k = 0; k < out.numObjs; k++) {
        Edge e = (Edge) out.objs[k];
        if (!(e.info instanceof Number amount)) {
          throw new IllegalArgumentException(
              "edge " + b.id() + " -> " + ((Bank) e.getTo()).id() + " must carry a numeric amount");
        }
        checkAmount(b.id(), ((Bank) e.getTo()).id(), amount.doubleValue(), e.getTo() == b);
        edges.add(position.get(b), position.get((Bank) e.getTo()), amount.doubleValue());
      }
    }
    return fromEdges(nodes, edges.from(), edges.to(), edges.amount());
  }

  private static void checkAmount(String from, String to, double a, boolean self) {
    if (!Double.isFinite(a) || a < 0) {
      throw new IllegalArgumentException(
          "liability " + from + " -> " + to + " must be finite and >= 0, was " + a);
    }
    if (self && a != 0) {
      throw new IllegalArgumentException("bank " + from + " cannot owe itself");
    }
  }

  /** A growable list of edges as three parallel arrays. Not thread-safe. */
  private static final class EdgeList {
    private int[] from = new int[16];
    private int[] to = new int[16];
    private double[] amount = new double[16];
    private int size;

    void add(int i, int j, double a) {
      if (size == from.length) {
        from = Arrays.copyOf(from, size * 2);
        to = Arrays.copyOf(to, size * 2);
        amount = Arrays.copyOf(amount, size * 2);
      }
      from[size] = i;
      to[size] = j;
      amount[size] = a;
      size++;
    }

    int[] from() {
      return Arrays.copyOf(from, size);
    }

    int[] to() {
      return Arrays.copyOf(to, size);
    }

    double[] amount() {
      return Arrays.copyOf(amount, size);
    }
  }

  /** The number of nodes. */
  public int size() {
    return banks.size();
  }

  /** The number of positive liabilities (edges). */
  public int edgeCount() {
    return byDebtor.other.length;
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

  /** The nominal amount node i owes node j (0 if none); O(log degree). */
  public double liability(int i, int j) {
    int k = Arrays.binarySearch(byDebtor.other, byDebtor.begin(i), byDebtor.end(i), j);
    return k >= 0 ? byDebtor.amount[k] : 0.0;
  }

  /** The positive liabilities ordered by debtor, then creditor. */
  public List<Liability> liabilities() {
    List<Liability> out = new ArrayList<>(edgeCount());
    for (int i = 0; i < size(); i++) {
      for (int k = byDebtor.begin(i); k < byDebtor.end(i); k++) {
        out.add(new Liability(i, byDebtor.other[k], byDebtor.amount[k]));
      }
    }
    return out;
  }

  /** Whether node j is owed anything by another node (has interbank assets). */
  public boolean hasInterbankAssets(int j) {
    return byCreditor.end(j) > byCreditor.begin(j);
  }

  /** Liabilities grouped by debtor (row i: whom i owes, by creditor index). */
  Csr byDebtor() {
    return byDebtor;
  }

  /** Liabilities grouped by creditor (row j: who owes j, by debtor index). */
  Csr byCreditor() {
    return byCreditor;
  }

  /** A dense copy {@code L[i][j]} (i owes j): O(n²) memory, for small networks and tests only. */
  public double[][] liabilityMatrix() {
    double[][] m = new double[size()][size()];
    for (int i = 0; i < size(); i++) {
      for (int k = byDebtor.begin(i); k < byDebtor.end(i); k++) {
        m[i][byDebtor.other[k]] = byDebtor.amount[k];
      }
    }
    return m;
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
      throw new IllegalArgumentException(
          "expected " + banks.size() + " external assets, got " + externalAssets.length);
    }
    List<Bank> shocked = new ArrayList<>();
    for (int i = 0; i < banks.size(); i++) {
      Bank b = banks.get(i);
      shocked.add(
          new Bank(b.id(), externalAssets[i], b.externalLiabilities(), b.equity(), b.value()));
    }
    return new ExposureNetwork(shocked, byDebtor, byCreditor);
  }

  /**
   * A fresh, mutable MASON graph (nodes are the {@link Bank}s, edges debtor -> creditor, info the
   * amount).
   */
  public Network toMasonNetwork() {
    Network copy = new Network(true);
    banks.forEach(copy::addNode);
    for (int i = 0; i < size(); i++) {
      for (int k = byDebtor.begin(i); k < byDebtor.end(i); k++) {
        copy.addEdge(
            banks.get(i), banks.get(byDebtor.other[k]), Double.valueOf(byDebtor.amount[k]));
      }
    }
    return copy;
  }
}
