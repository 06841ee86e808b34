package org.marginfall.core.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The greatest clearing vector of an Eisenberg–Noe or Rogers–Veraart network and how it was found.
 *
 * <p>Arrays are copied in and out. Immutable and thread-safe.
 *
 * @param ids node ids in index order
 * @param treatment how external liabilities ranked
 * @param alpha Rogers–Veraart realised fraction of external assets of a defaulter (1 = EN)
 * @param beta Rogers–Veraart realised fraction of interbank receivables of a defaulter (1 = EN)
 * @param obligations {@code p̄}: interbank liabilities, plus external ones when pari passu
 * @param payments {@code p*} (or {@code Λ*}): what each node pays against {@code obligations}
 * @param netWorth {@code e_i + Σ_j Π[j][i] p*_j − p̄_i}, before default costs; with senior external
 *     liabilities {@code e = Ae − Le}
 * @param defaultRounds 0 for a solvent node, else the round (1 = fundamental) it entered the
 *     default set
 * @param iterates the payment vector at the start (p̄) and after each round's solve; stored as each
 *     round's changed entries, and every {@code get} returns a fresh array
 */
public record ClearingResult(
    List<String> ids,
    ExternalLiabilities treatment,
    double alpha,
    double beta,
    double[] obligations,
    double[] payments,
    double[] netWorth,
    int[] defaultRounds,
    List<double[]> iterates) {

  /** Validates sizes and copies every array. */
  public ClearingResult {
    ids = List.copyOf(ids);
    Objects.requireNonNull(treatment, "treatment");
    int n = ids.size();
    if (obligations.length != n
        || payments.length != n
        || netWorth.length != n
        || defaultRounds.length != n) {
      throw new IllegalArgumentException("every vector must have one entry per node (" + n + ")");
    }
    obligations = obligations.clone();
    payments = payments.clone();
    netWorth = netWorth.clone();
    defaultRounds = defaultRounds.clone();
    // Compact: the first vector and each round's changed entries, not n numbers per round.
    iterates = RoundIterates.of(iterates);
  }

  @Override
  public double[] obligations() {
    return obligations.clone();
  }

  @Override
  public double[] payments() {
    return payments.clone();
  }

  @Override
  public double[] netWorth() {
    return netWorth.clone();
  }

  @Override
  public int[] defaultRounds() {
    return defaultRounds.clone();
  }

  @Override
  public List<double[]> iterates() {
    return iterates;
  }

  /** Whether node i defaults ({@code p*_i < p̄_i}, equivalently it entered the default set). */
  public boolean defaulted(int i) {
    return defaultRounds[i] > 0;
  }

  /** The defaulting node indices in index order. */
  public List<Integer> defaultSet() {
    List<Integer> d = new ArrayList<>();
    for (int i = 0; i < defaultRounds.length; i++) {
      if (defaultRounds[i] > 0) {
        d.add(i);
      }
    }
    return List.copyOf(d);
  }

  /** {@code p*_i / p̄_i}, or 1 for a node that owes nothing. */
  public double recoveryRate(int i) {
    return obligations[i] == 0 ? 1.0 : payments[i] / obligations[i];
  }

  /** The number of linear-solve rounds (0 when nobody defaults). */
  public int rounds() {
    return iterates.size() - 1;
  }
}
