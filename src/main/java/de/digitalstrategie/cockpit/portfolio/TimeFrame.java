package de.digitalstrategie.cockpit.portfolio;

import de.digitalstrategie.cockpit.message.ValidationException;

import java.time.LocalDate;

/** The project's planned time frame (Steckbrief: "zeitlicher Rahmen"); either end may be open. */
public record TimeFrame(LocalDate start, LocalDate end) {
    public static final TimeFrame OPEN = new TimeFrame(null, null);

    public TimeFrame {
        if (start != null && end != null && end.isBefore(start)) {
            throw ValidationException.of("cockpit.project.error.end-before-start", start.toString(), end.toString());
        }
    }

    /** Whether the planned end has passed. */
    public boolean endedBefore(LocalDate day) {
        return end != null && end.isBefore(day);
    }
}
