/**
 * What every Active Objects store of the features shares: how dates are kept. A leaf: it depends on
 * nothing of the plugin.
 */
package de.digitalstrategie.cockpit.store;
