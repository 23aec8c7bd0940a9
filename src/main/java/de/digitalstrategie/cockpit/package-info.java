/**
 * Digitalstrategie-Cockpit: steers a city's digital strategy in Confluence and Jira Data Center.
 *
 * <p>Domain packages ({@code portfolio}, {@code register} with its kinds {@code decision} and
 * {@code advisory}, {@code committee}, {@code organisation}, {@code workflow}) are plain Java; their
 * {@code store} sub-packages hold the Active Objects entities and the stores that turn them into
 * immutable records. Host glue (macros, REST, event listeners) lives beside the capability it serves.
 */
package de.digitalstrategie.cockpit;
