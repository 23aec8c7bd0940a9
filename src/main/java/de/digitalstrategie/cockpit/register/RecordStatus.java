package de.digitalstrategie.cockpit.register;

import de.digitalstrategie.cockpit.workflow.WorkflowState;

/** Where a record stands in its workflow; implemented by each kind's status enum. */
public interface RecordStatus extends WorkflowState {
    /**
     * The AUI lozenge the status shows in, wherever it shows (its macro, the register, a project's
     * profile): green in force or adopted, red refused, grey ended, yellow moved, blue pending.
     */
    String lozenge();
}
