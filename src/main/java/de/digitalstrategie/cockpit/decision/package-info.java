/**
 * The steering committee's decisions (Lenkungskreis): a kind of record of the {@code register},
 * with what only decisions have: the status workflow, votes, supersession and, once in force, how
 * far they have been carried out (their implementation, set by the responsible unit or following
 * their Jira issue). The record, its parameters and workflow are plain Java here; {@code store}
 * maps them onto their table, {@code macro} shows one on its minutes page and lists them,
 * {@code rest} serves, exports and changes them, each on the register's base; {@code web} takes the
 * implementation form the register and the decision macro show to the unit responsible.
 */
package de.digitalstrategie.cockpit.decision;
