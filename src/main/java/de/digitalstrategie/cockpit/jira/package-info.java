/**
 * Everything between the plugin and Jira Data Center. The root holds what runs it: the connection
 * ({@link de.digitalstrategie.cockpit.jira.JiraConnector}) and the background jobs; beneath it
 * {@code settings} (how to reach Jira), {@code issue} (issue keys and links, which every feature may
 * use), {@code client} (the REST client), {@code provision} (setting Jira up), {@code sync} (the
 * portfolio mirror), {@code outbox} (records delivered to Jira, and how far each decision has been
 * carried out read back from its issue) and {@code admin} (the admin page).
 * The work (provision, sync, outbox) depends on {@code settings} and {@code client}, never on the
 * root; only the admin page, which drives it all, does.
 */
package de.digitalstrategie.cockpit.jira;
