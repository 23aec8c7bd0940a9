/**
 * Digitalstrategie-Cockpit: steers a city's digital strategy in Confluence and Jira Data Center.
 *
 * <p>Domain packages ({@code portfolio}, {@code decision}, {@code advisory}, {@code committee},
 * {@code organisation}, {@code workflow}, {@code audit}) are plain Java; their {@code store}
 * sub-packages hold the Active Objects entities and the stores that turn them into immutable
 * records. Host glue (macros, REST, event listeners) lives beside the capability it serves.
 *
 * <p>The kernel ({@code message}, {@code query}, {@code render}, {@code macro}, {@code rest},
 * {@code export}, {@code workflow}, {@code lock}, {@code store}) serves the features and depends on
 * none of them, but for the shape of a Jira issue key ({@code jira.issue}). No package depends on
 * one that depends on it; each top-level package's package-info says what it is and what it may use.
 */
package de.digitalstrategie.cockpit;
