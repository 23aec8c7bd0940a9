package de.digitalstrategie.cockpit.trace.macro;

import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.Texts;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a decision stands, wherever the trace shows one: the one place that says it, shown through
 * the one partial {@code templates/trace/decision-state.vm}. Today that is the decision's status;
 * once the register keeps a decided decision's implementation state (open, in progress, done) and
 * the day it was done, {@link #of} shows that state instead and {@link #doneOn} returns that day,
 * one line each, and every view of the trace follows.
 */
public final class DecisionStates {
    /** A decision's state as the partial shows it: its label and its lozenge, escaped. */
    public record State(String labelHtml, String classHtml) {
    }

    private DecisionStates() {
    }

    public static State of(Decision decision, Texts t) {
        return new State(Html.text(label(decision, t)), Html.text(decision.status().lozenge()));
    }

    /** The state in words, where it shows as plain text. */
    public static String label(Decision decision, Texts t) {
        return t.plain(decision.status());
    }

    /** The day the decision was carried out, once known: the last step of the trace. */
    public static Optional<LocalDate> doneOn(Decision decision) {
        return Optional.empty();
    }
}
