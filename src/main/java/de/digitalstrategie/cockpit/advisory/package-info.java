/**
 * The advisory board's input (Beirat): a kind of record of the {@code register}, with what only
 * input has: its sectors and the city's answer, tracked until the board has been told what became
 * of it. The record, its parameters and the answer's workflow are plain Java here; {@code store}
 * maps them onto their table, {@code macro} shows one on its minutes page and lists them,
 * {@code rest} serves, exports and answers them, each on the register's base.
 */
package de.digitalstrategie.cockpit.advisory;
