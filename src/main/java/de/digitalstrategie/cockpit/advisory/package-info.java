/**
 * The advisory board's input (Beirat) and the city's answer to it, tracked until the board has been
 * told what became of it. The records and their answer workflow are plain Java here; {@code store}
 * keeps them with Active Objects, {@code macro} records them from minutes pages and lists them,
 * {@code rest} serves and exports them. It builds on the kernel (query, render, macro, rest,
 * workflow, audit, lock) and on the committee, minutes and access packages.
 */
package de.digitalstrategie.cockpit.advisory;
