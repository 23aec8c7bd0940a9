/**
 * The registers: every kind of record a body keeps on its minutes pages (the steering committee's
 * decisions, the advisory board's input), written once for all of them. Here are the kinds
 * ({@link de.digitalstrategie.cockpit.register.RecordKind}), what every such record has
 * ({@link de.digitalstrategie.cockpit.register.PageRecord}), one query model read from parameters
 * for the register macro, the REST list and the export
 * ({@link de.digitalstrategie.cockpit.register.RegisterQuery}), what a minutes page asks of a
 * register ({@link de.digitalstrategie.cockpit.register.PageEdit}), and the audit trail and the hook
 * through which others (the Jira outbox) learn of a change in the same transaction. {@code store}
 * keeps the records (lifecycle, audit trail, project links), {@code macro} and {@code rest} show
 * them. A kind's package ({@code decision}, {@code advisory}) holds only what differs and builds on
 * these: its record, status and workflow, its parameters, its mapping onto its table and its views.
 * It builds on the kernel and on the committee, minutes and access packages.
 */
package de.digitalstrategie.cockpit.register;
