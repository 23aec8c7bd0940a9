/**
 * Reminders: a daily job on the host's scheduler, once per cluster, tells each responsible person
 * of their decisions due within a set number of days or overdue, and the staff unit of advisory
 * input left unanswered longer than a set number of days, by mail through the host's mail queue.
 *
 * <p>Who is responsible for a decision ({@link de.digitalstrategie.cockpit.reminder.Owners}): its
 * owner is free text, "a person or a unit". It names a person when it is exactly a user name; a
 * unit when it is exactly a unit's key or name (letter case, quotation marks, spacing and a
 * bracketed addition such as "(Leitung: …)" aside), and a unit's responsible people are the
 * steering-committee members who manage it (their seat's unit), the staff unit's its CDO and
 * secretaries. An owner that names no one, or a unit nobody is known to manage, is reported to the
 * staff unit, which has to make it answerable.
 *
 * <p>What a message holds: one per person per day, all their items in it, in their own language
 * (the host's per-user locale), HTML with every value escaped, and only records on pages the
 * recipient may view. A person who has switched reminders off gets none. A day's message to a
 * person is claimed in the database before it is queued, under a cluster lock, so a second node or
 * a retried run sends nothing twice (at most once: a node that dies between the claim and the
 * queue loses that one message rather than risk a second).
 *
 * <p>Layers: who is told what here; {@code store} the claims, the settings and the opt-outs;
 * {@code send} the daily job and the mail it writes; {@code web} the person's own switch and the
 * administrators' page. It reads the
 * registers, the committee and the organisation, and the access rules; nothing reads it.
 */
package de.digitalstrategie.cockpit.reminder;
