package de.digitalstrategie.cockpit.advisory;

import de.digitalstrategie.cockpit.register.StatusChange;

/**
 * A requested change of the city's answer, as the workflow's guards see it.
 *
 * @param text the answer text or reason given with the change; blank keeps the recorded one
 */
public record AnswerChange(AdvisoryInput current, AnswerStatus to, String actor, String text)
        implements StatusChange<AdvisoryInput, AnswerStatus> {

    /** The text as given: the audit trail keeps it as the change's comment. */
    @Override
    public String comment() {
        return text;
    }

    /** The answer text that will stand after the change. */
    public String effectiveText() {
        return text != null && !text.isBlank() ? text.strip() : current.answer().text();
    }
}
