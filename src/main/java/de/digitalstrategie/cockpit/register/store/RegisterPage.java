package de.digitalstrategie.cockpit.register.store;

import de.digitalstrategie.cockpit.query.ResultPage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A page of a register with what the register shows beside each record.
 *
 * @param dates      by record id: the day the register files it under (a decision's meeting, the day
 *                   input was received)
 * @param conflicts  by record id: a status a page edit claimed that was not applied
 * @param byNoRole   the ids of those conflicts that stand because someone without the role saved the
 *                   page (the others: the workflow refused the change), so the register says why
 * @param replacedBy by number: the numbers of the records that name it as the one they replaced, on
 *                   pages the viewer may see (for kinds whose records supersede each other)
 */
public record RegisterPage<R, S>(ResultPage<R> page, Map<Long, LocalDate> dates, Map<Long, S> conflicts,
                                 Set<Long> byNoRole, Map<String, List<String>> replacedBy) {
    public RegisterPage {
        dates = Map.copyOf(dates);
        conflicts = Map.copyOf(conflicts);
        byNoRole = Set.copyOf(byNoRole);
        replacedBy = Map.copyOf(replacedBy);
    }
}
