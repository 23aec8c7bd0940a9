/**
 * The strategy's goals per field of action and their indicators, and how far each indicator is on
 * its way to its target: {@link de.digitalstrategie.cockpit.strategy.Trajectory} assesses the
 * measured values against the line from baseline to target, {@link
 * de.digitalstrategie.cockpit.strategy.CollectionDue} says when the next value is due by the
 * indicator's rhythm, {@code chart} draws an indicator's course. Plain Java; it builds on the kernel.
 */
package de.digitalstrategie.cockpit.strategy;
