/**
 * Network analytics on an interbank (or inter-venue) exposure network: Eisenberg–Noe clearing with
 * the Rogers–Veraart default-cost extension, and the DebtRank family. The graph is held in MASON's
 * {@link sim.field.network.Network}; the algorithms work on dense arrays obtained from it.
 *
 * <p>Conventions (docs/contagion.md, "Conventions"): {@code L[i][j]} is the nominal amount node i
 * owes node j, so row i holds i's liabilities and column j holds j's interbank assets.
 */
package org.marginfall.core.network;
