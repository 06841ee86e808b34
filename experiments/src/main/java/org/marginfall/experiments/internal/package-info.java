/**
 * Everything of the {@code experiments} module but its Java API: the scenario reader and catalog,
 * run directories, sweeps, twins, calibration, the command line and the rest. Public only so that
 * these packages can use one another; none of it is a published API, and any of it may change
 * between versions without notice. Scripts and programs use {@code org.marginfall.experiments.api}
 * (docs/api.md); plug-ins implement {@code org.marginfall.core.spec.MarginfallPlugin}
 * (docs/extending.md).
 */
package org.marginfall.experiments.internal;
