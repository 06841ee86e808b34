/**
 * Network analytics on an interbank (or inter-venue) exposure network: Eisenberg–Noe clearing with
 * the Rogers–Veraart default-cost extension, and the DebtRank family. The graph is held sparse
 * (compressed rows by debtor and by creditor) and every algorithm costs O(nodes + edges) per round;
 * MASON's {@link sim.field.network.Network} is an adapter to and from it.
 *
 * <p>Conventions (docs/contagion.md, "Conventions"): {@code L[i][j]} is the nominal amount node i
 * owes node j, so row i holds i's liabilities and column j holds j's interbank assets.
 */
package org.marginfall.core.network;
