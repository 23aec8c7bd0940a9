/**
 * Registers and lists as downloadable files: a typed {@link de.digitalstrategie.cockpit.export.ExportTable}
 * written as CSV or XLSX. Rows are streamed from the caller to the output, so an export of
 * 100,000 rows needs no more memory than one of ten.
 *
 * <p>Part of the kernel: it depends on nothing of the plugin; the features' REST resources use it.
 */
package de.digitalstrategie.cockpit.export;
