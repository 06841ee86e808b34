package org.marginfall.core.network;

/**
 * How a node's external liabilities rank against its interbank liabilities in clearing
 * (docs/contagion.md, "External liabilities"; they give different answers, EN-6).
 *
 * <p>Immutable and thread-safe.
 */
public enum ExternalLiabilities {
  /**
   * External and interbank creditors are paid pro rata: {@code p̄_i = Σ_j L[i][j] + Le_i}
   * (Eisenberg and Noe 2001 with an outside node; R package systemicrisk, {@code
   * default_clearing}).
   */
  PARI_PASSU,
  /**
   * External creditors are paid first: clearing is EN on interbank debts with {@code e = Ae − Le}
   * (Barucca, paolobarucca/eisenbergnoe {@code Exercise2.m}; NEVA).
   */
  SENIOR
}
