/**
 * The steering committee's decisions (Lenkungskreis) with their status workflow, votes and
 * supersession. The records and the workflow are plain Java here; {@code store} keeps them with
 * Active Objects, {@code macro} records them from minutes pages and lists them, {@code rest} serves
 * and exports them. It builds on the kernel (query, render, macro, rest, workflow, audit, lock) and
 * on the committee, minutes and access packages.
 */
package de.digitalstrategie.cockpit.decision;
