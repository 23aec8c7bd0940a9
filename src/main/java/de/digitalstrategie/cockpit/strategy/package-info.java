/**
 * The strategy's goals and indicators (Ziele und Indikatoren): each field of action's strategic
 * goals, a third kind of record of the {@code register}, kept on strategy pages rather than on
 * minutes (so a goal has no meeting); each goal's indicators with their indicator cards, declared
 * on the goal's page; and the values measured for them over time. The records, workflow and
 * validation are plain Java here; {@code store} keeps them (goals on the register's kernel,
 * indicators and measured values beside it) and reads them as the viewer may see them,
 * {@code macro} shows them on their pages, {@code rest} and {@code web} take measured values.
 * How far each indicator is on its way to its target is computed, never recorded:
 * {@code Trajectory} assesses the measured values against the line from baseline to target,
 * {@code CollectionDue} says when the next value is due by the indicator's rhythm, {@code chart}
 * draws an indicator's course, and {@code macro} shows the goals' achievement per field of action.
 * It builds on the register kernel and on the organisation, minutes and access packages; the
 * achievement view also reads the portfolio, for the projects that serve each goal.
 */
package de.digitalstrategie.cockpit.strategy;
