/** The self-contained HTML report: one file with inline CSS and inline SVG charts, no scripts or network access. */
package org.cascadesim.cli.html;
