/**
 * Minutes pages as the registers read them: {@code storage} reads Confluence's storage format,
 * {@code place} says where each body's minutes live, {@code sync} brings the registers in line with a
 * saved page through the host's scheduler, {@code admin} is the page where the places are named. The
 * root holds the page as read and {@link de.digitalstrategie.cockpit.minutes.DemoRecords}, which keeps
 * demo records out of Jira. Only {@code sync} depends on the registers.
 */
package de.digitalstrategie.cockpit.minutes;
