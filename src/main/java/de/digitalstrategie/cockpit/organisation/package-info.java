/**
 * The city's organisation: its fields of action and organisational units, plain Java here, kept by
 * {@code store} with Active Objects. It depends only on the kernel; the portfolio and the Jira sync
 * read it.
 */
package de.digitalstrategie.cockpit.organisation;
