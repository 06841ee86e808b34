package org.marginfall.experiments.internal.calibrate;

/**
 * One fitted parameter.
 *
 * @param name the parameter's scenario field name
 * @param value its maximum-likelihood estimate
 * @param standardError from the inverse observed information; NaN when the information is not
 *     invertible
 */
public record Estimate(String name, double value, double standardError) {}
