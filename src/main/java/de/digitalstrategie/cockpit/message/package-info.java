/**
 * User-facing texts as i18n keys with arguments, resolved at the edge in the viewer's language, and
 * the exceptions that carry them (validation, access denied, not found, unavailable). The bottom of
 * the tree: it depends on nothing of the plugin.
 */
package de.digitalstrategie.cockpit.message;
