/**
 * The plug-in interface: how a jar (or a built-in module) adds venue types and agent types that
 * scenario files can name (docs/extending.md).
 */
package org.marginfall.core.plugin;
