/**
 * The next meeting, prepared: what happened since a body's last meeting, as the viewer may see it
 * (decisions taken, decisions overdue, projects whose health got worse, advisory input left
 * unanswered too long, and for the steering committee the decisions still open), shown by the
 * {@code meeting-preparation} macro at the top of a new meeting's minutes and carried into the
 * agenda of the minutes blueprint.
 *
 * <p>{@link de.digitalstrategie.cockpit.meeting.Preparations} works out the span (since the body's
 * last meeting the viewer may see, up to the page's meeting or today) and asks each
 * {@link de.digitalstrategie.cockpit.meeting.PreparationSection} for its items; the sections are
 * the list {@code preparationSections} in plugin-context.xml, in the order the macro shows them.
 * A new kind of news (changes of a decision's implementation, indicators that went off track) is
 * one more section there: a class that reads its own store, not a change of the macro.
 *
 * <p>Layers: {@code store} holds the sections, each reading one register or history through its
 * store and only over the pages and projects the viewer may see; {@code macro} renders; {@code
 * blueprint} fills the minutes blueprint. May use {@code committee}, {@code minutes.place},
 * {@code access}, the registers' and the portfolio's stores, {@code render}, {@code message}.
 */
package de.digitalstrategie.cockpit.meeting;
