/**
 * Reading scenario files: YAML or JSON text becomes a located tree (every key and value keeps its
 * line and column), variants and {@code --set} overrides are applied to that tree, and a
 * hand-written binder turns it into the spec records of {@code org.cascadesim.models.scenario}.
 *
 * <p>Why not Jackson databind: it stops at the first error and loses locations inside records.
 * Here every structural and semantic problem is collected and reported as
 * {@code file:line:col: path: message}.
 */
package org.cascadesim.cli.io;
