/**
 * Plug-in jars: the class loader over the jars given to {@code --plugin} or the Java API, and the
 * catalog found through it (docs/extending.md).
 */
package org.marginfall.experiments.internal.plugin;
