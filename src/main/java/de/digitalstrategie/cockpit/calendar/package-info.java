/**
 * The meeting calendar: the bodies' meetings as iCalendar feeds (RFC 5545) that calendar programs
 * subscribe to. Public feeds for anyone, of the meetings public in OParl's sense; personal feeds
 * behind a secret address that its owner makes and revokes on the calendar page ({@code web}),
 * kept only as a digest ({@code store}), showing what the owner may see at each request
 * ({@code rest}); the subscribe links on the pages ({@code macro}). It depends on the committee's
 * records and store, on access for who sees which meeting, and on the kernel (render, rest).
 */
package de.digitalstrategie.cockpit.calendar;
