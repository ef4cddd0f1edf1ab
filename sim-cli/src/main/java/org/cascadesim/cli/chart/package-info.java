/**
 * Charts of a report: JFreeChart plots drawn to PNG and, through Apache Batik, to SVG, with a
 * bundled font, fixed sizes, fixed colours and Locale.ROOT number formats so the same run draws
 * the same bytes on one JDK.
 */
package org.cascadesim.cli.chart;
