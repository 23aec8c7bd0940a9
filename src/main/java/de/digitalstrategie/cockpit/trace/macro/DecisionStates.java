package de.digitalstrategie.cockpit.trace.macro;

import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.ImplementationState;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.trace.InputTrace;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a decision stands, wherever the trace shows one: the one place that says it, shown through
 * the one partial {@code templates/trace/decision-state.vm}. A decision in force shows how far it
 * has been carried out (open, in progress, done); any other decision its status, since for it there
 * is nothing to carry out.
 */
public final class DecisionStates {
    /** A decision's state as the partial shows it: its label and its lozenge, escaped. */
    public record State(String labelHtml, String classHtml) {
    }

    private DecisionStates() {
    }

    public static State of(Decision decision, Texts t) {
        String lozenge = decision.implementable() ? decision.implementation().lozenge() : decision.status().lozenge();
        return new State(Html.text(label(decision, t)), Html.text(lozenge));
    }

    /** The state in words, where it shows as plain text. */
    public static String label(Decision decision, Texts t) {
        return decision.implementable() ? t.plain(decision.implementation()) : t.plain(decision.status());
    }

    /**
     * The day the decision was carried out: the last step of the trace. Only a decision in force
     * and done now has one; one set back from done keeps no day from its history.
     */
    public static Optional<LocalDate> doneOn(Decision decision, InputTrace trace) {
        return decision.implementable() && decision.implementation() == ImplementationState.DONE
                ? Optional.ofNullable(trace.doneOn().get(decision.id())) : Optional.empty();
    }
}
