/**
 * The plugin's named cluster-wide locks on the host's cluster lock service, taken outside any
 * database transaction. A leaf of the kernel: it depends on nothing of the plugin but its messages.
 */
package de.digitalstrategie.cockpit.lock;
