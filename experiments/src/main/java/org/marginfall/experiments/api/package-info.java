/**
 * The Java API for scripted experiments (docs/api.md): load a scenario ({@link
 * org.marginfall.experiments.api.Experiment}), override its fields, run it into values ({@link
 * org.marginfall.experiments.api.RunOutcome}, {@link org.marginfall.experiments.api.TimeSeries}),
 * and run sweeps ({@link org.marginfall.experiments.api.SweepPlan}, {@link
 * org.marginfall.experiments.api.SweepOutcome}); bad input raises {@link
 * org.marginfall.experiments.api.ExperimentException}. The only package whose Javadoc is published;
 * every other package of the jar is internal.
 */
package org.marginfall.experiments.api;
