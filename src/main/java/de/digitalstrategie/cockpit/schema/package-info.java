/**
 * The plugin's Active Objects schema: every entity the {@code <ao>} module declares, and in
 * {@code upgrade} the tasks that bring older data up to date. It depends on the features' store
 * packages it lists, and nothing depends on it but the host.
 */
package de.digitalstrategie.cockpit.schema;
