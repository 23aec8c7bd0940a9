/**
 * The strategy's goals and indicators (Ziele und Indikatoren): each field of action's strategic
 * goals, a third kind of record of the {@code register}, kept on strategy pages rather than on
 * minutes (so a goal has no meeting); each goal's indicators with their indicator cards, declared
 * on the goal's page; and the values measured for them over time. The records, workflow and
 * validation are plain Java here; {@code store} keeps them (goals on the register's kernel,
 * indicators and measured values beside it) and reads them as the viewer may see them,
 * {@code macro} shows them on their pages, {@code rest} and {@code web} take measured values.
 * It builds on the register kernel and on the organisation, minutes and access packages.
 */
package de.digitalstrategie.cockpit.strategy;
