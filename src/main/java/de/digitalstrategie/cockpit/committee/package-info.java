/**
 * The bodies (steering committee, advisory board), their members' seats and their meetings with the
 * agenda. The records are plain Java here; {@code store} keeps them with Active Objects, {@code rest}
 * serves the bodies. It depends only on the kernel (message, store, rest) and on access for what a
 * viewer may see.
 */
package de.digitalstrategie.cockpit.committee;
