/**
 * The public part of the registers as OParl 1.1, read-only ({@code /rest/cockpit/1.0/oparl/system}).
 *
 * <p>Mapping:
 * <ul>
 *   <li>System: this installation; Body: the city (name etc. from plugin settings, default
 *       Stadt Worms), one body with the fixed id 1.</li>
 *   <li>Organization: each public committee body (steering committee, advisory board), id = its key.
 *       No member count: it would count members who did not agree to be named.</li>
 *   <li>Person and Membership: only seats whose member agreed to be named, in public bodies; a
 *       person's id is a keyed hash of the user key, never the key itself.</li>
 *   <li>Meeting: public meetings of public bodies whose minutes page (if any) anonymous visitors
 *       may view; {@code start} is the day at 00:00 Europe/Berlin (the registers keep no hour),
 *       {@code web} the minutes page, {@code location} a Location per distinct place text.</li>
 *   <li>AgendaItem: a meeting's public stored agenda items with the public decisions filed under
 *       them; decisions filed under no stored item (agendaItemId 0, as the minutes' macros record
 *       them) each become an item {@code decision-<id>}, advisory input an item {@code input-<id>}.
 *       {@code result}: the decision's status with the vote; {@code resolutionText}: the decision's
 *       text once resolved (decided, later superseded or revoked), the recommendation for input;
 *       {@code <prefix>:implementationState} (the city's extension, documented in README): each
 *       public decision's state: how far it has been carried out while it is in force, else its status.</li>
 *   <li>Paper, File, LegislativeTerm: empty lists (see {@link de.digitalstrategie.cockpit.oparl.OParlResource}).</li>
 * </ul>
 * A reader of the registers and the bodies: it depends on their records and stores, on access and
 * on the kernel, and nothing of the plugin depends on it. What counts as public is decided in {@link de.digitalstrategie.cockpit.oparl.PublicRecords} alone.
 */
package de.digitalstrategie.cockpit.oparl;
