/**
 * The trace from advice to result: which decisions of the steering committee took up which input
 * of the advisory board, the projects those decisions concern and how far each step has come.
 * Nothing of its own is kept here beyond what the pages say (a decision's {@code inputs}, kept by
 * the register's {@code RecordLinks}); {@code store} reads both registers over the pages the viewer
 * may see, {@code macro} shows the trace of one input and, for the board, what became of the input
 * of one of its meetings. It builds on the registers, their kinds, the portfolio and the access package.
 */
package de.digitalstrategie.cockpit.trace;
