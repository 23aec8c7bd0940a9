package de.digitalstrategie.cockpit.strategy;

import de.digitalstrategie.cockpit.message.Message;

/** Why one line of an uploaded file was refused, with the line's number (1 is the header). */
public record RowProblem(int line, Message reason) {
    /** As the user reads it: "Zeile 4: …". */
    public Message message() {
        return Message.of("cockpit.measurement.csv.line", line, reason);
    }
}
