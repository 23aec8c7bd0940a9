/**
 * Reported status checked against the evidence: rules that flag a project whose reported status
 * (health, status, phase) does not match what the cockpit knows of it (its history, the decisions
 * that concern it, its time frame, its Jira issue).
 *
 * <p>The rules ({@link de.digitalstrategie.cockpit.evidence.EvidenceRules}) are plain Java over
 * records and the injected clock: one {@link de.digitalstrategie.cockpit.evidence.Evidence} for the
 * whole portfolio in, the open {@link de.digitalstrategie.cockpit.evidence.Flag}s out. A flag is
 * never stored: it is open while its condition holds. What is stored is the staff unit's
 * acknowledgement of one occurrence of a flag; a new occurrence (a later change, a new end date)
 * is not covered by it and shows as open again.
 *
 * <p>Evidence is read across the portfolio, never for the viewer: a decision on minutes the viewer
 * may not read still backs a change (so no flag hints at it), and a flag names only dates, values
 * and the project's own key. Which flags a viewer sees is filtered by the projects the viewer may
 * see.
 *
 * <p>Layers: the rules here; {@code store} the one batch read of the evidence, the settings and the
 * acknowledgements; {@code macro} the flag list and the flags on a project's profile; {@code web}
 * the settings page and the acknowledgement form. It reads the portfolio, its history and the
 * decision register; nothing reads it but the portfolio's views.
 */
package de.digitalstrategie.cockpit.evidence;
