package de.digitalstrategie.cockpit.register.store;

import de.digitalstrategie.cockpit.query.ResultPage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A page of a register with what the register shows beside each record.
 *
 * @param dates      by record id: the day the register files it under (a decision's meeting, the day
 *                   input was received)
 * @param conflicts  by record id: a status a page edit claimed that was not applied
 * @param replacedBy by number: the numbers of the records that name it as the one they replaced, on
 *                   pages the viewer may see (for kinds whose records supersede each other)
 */
public record RegisterPage<R, S>(ResultPage<R> page, Map<Long, LocalDate> dates, Map<Long, S> conflicts,
                                 Map<String, List<String>> replacedBy) {
    public RegisterPage {
        dates = Map.copyOf(dates);
        conflicts = Map.copyOf(conflicts);
        replacedBy = Map.copyOf(replacedBy);
    }
}
