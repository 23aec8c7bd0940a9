/**
 * How the registers and the portfolio are asked for: criteria as bound SQL conditions, text search,
 * sort order and paging. Part of the kernel: it depends only on message.
 */
package de.digitalstrategie.cockpit.query;
