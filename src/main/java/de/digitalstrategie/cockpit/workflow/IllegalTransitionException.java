package de.digitalstrategie.cockpit.workflow;

import de.digitalstrategie.cockpit.message.LocalisedException;
import de.digitalstrategie.cockpit.message.Message;

/** A status change the workflow does not allow, with the reason in the user's words. */
public class IllegalTransitionException extends LocalisedException {
    private final String from;
    private final String to;

    public IllegalTransitionException(WorkflowState from, WorkflowState to, Message reason) {
        super(reason);
        this.from = from.name();
        this.to = to.name();
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }
}
