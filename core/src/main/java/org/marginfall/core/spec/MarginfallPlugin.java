package org.marginfall.core.spec;

/**
 * A set of types that scenario files can name, found with {@link java.util.ServiceLoader}: a jar
 * lists its implementations in {@code META-INF/services/org.marginfall.core.spec.MarginfallPlugin}
 * (docs/extending.md). The families shipped with Marginfall register through this interface too,
 * one plug-in per module, so a user's types and the built-in ones take the same path.
 *
 * <p>It lives in {@code core} because the modules that ship built-in families ({@code protocols},
 * {@code agents}) depend on {@code core} alone, and in {@code spec} beside the types it registers.
 * Implementations need a public no-argument constructor and must be stateless; {@link #contribute}
 * may be called more than once.
 */
public interface MarginfallPlugin {

  /**
   * Hands this plug-in's types to {@code to}. A name that another plug-in (or a built-in family)
   * already registered fails the whole catalog with one line naming both plug-ins.
   */
  void contribute(Contributions to);
}
