package de.digitalstrategie.cockpit.workflow;

import de.digitalstrategie.cockpit.message.Labelled;

/** A state of a workflow; implemented by enums whose names are what is stored. */
public interface WorkflowState extends Labelled {
}
