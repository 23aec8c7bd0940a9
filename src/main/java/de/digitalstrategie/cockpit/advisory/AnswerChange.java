package de.digitalstrategie.cockpit.advisory;

/**
 * A requested change of the city's answer, as the workflow's guards see it.
 *
 * @param text the answer text or reason given with the change; blank keeps the recorded one
 */
public record AnswerChange(AdvisoryInput input, AnswerStatus to, String actor, String text) {

    /** The answer text that will stand after the change. */
    public String effectiveText() {
        return text != null && !text.isBlank() ? text.strip() : input.answer().text();
    }
}
