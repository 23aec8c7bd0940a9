/**
 * The history of every status change of a page-recorded record, and the hook through which others
 * (the Jira outbox) learn of a change in the same transaction without the registers knowing them.
 * {@code store} keeps the entries with Active Objects. It depends on nothing of the features.
 */
package de.digitalstrategie.cockpit.audit;
