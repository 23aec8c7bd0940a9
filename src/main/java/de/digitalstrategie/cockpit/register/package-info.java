/**
 * The registers: every kind of record a body keeps on its minutes pages (the steering committee's
 * decisions, the advisory board's input), written once for all of them. Here are the kinds
 * ({@link de.digitalstrategie.cockpit.register.RecordKind}), what every such record has
 * ({@link de.digitalstrategie.cockpit.register.PageRecord}), one query model read from parameters
 * for the register macro, the REST list and the export
 * ({@link de.digitalstrategie.cockpit.register.RegisterQuery}), and what a minutes page asks of a
 * register ({@link de.digitalstrategie.cockpit.register.PageEdit}). {@code store} keeps them
 * (lifecycle, audit trail, project links), {@code macro} and {@code rest} show them. A kind's
 * package ({@code decision}, {@code advisory}) holds only what differs: its record, status and
 * workflow, its parameters, its mapping onto its table and its views.
 */
package de.digitalstrategie.cockpit.register;
