/**
 * Who may see and change what: the pages a viewer may view (Confluence's permissions), the Jira
 * projects whose portfolio entries a viewer may see (Jira's browse rights, asked in the background
 * by {@link de.digitalstrategie.cockpit.access.BrowseAccessJob}), and the roles held through seats in
 * the bodies. Every read of the registers and the portfolio is filtered through it. It depends on
 * the committee and portfolio stores and on the Jira connection and sync, never on a macro or
 * REST resource.
 */
package de.digitalstrategie.cockpit.access;
