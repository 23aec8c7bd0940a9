package de.digitalstrategie.cockpit.strategy;

import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.message.MessageList;
import de.digitalstrategie.cockpit.message.ValidationException;

import java.util.List;

/**
 * Measured values refused as a whole: every bad line with its number and reason, and nothing of
 * the file stored.
 */
public class MeasurementsRefused extends ValidationException {
    private final transient List<RowProblem> problems;

    public MeasurementsRefused(List<RowProblem> problems) {
        super(Message.of("cockpit.measurement.csv.refused", problems.size(),
                new MessageList(problems.stream().map(RowProblem::message).toList())));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in line order. */
    public List<RowProblem> problems() {
        return problems;
    }
}
