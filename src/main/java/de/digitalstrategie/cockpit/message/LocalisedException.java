package de.digitalstrategie.cockpit.message;

/**
 * A refusal the user must understand: carries the {@link Message} to show. The exception's own
 * message is the key and arguments, for logs only.
 */
public class LocalisedException extends RuntimeException {
    private final transient Message userMessage;

    public LocalisedException(Message userMessage) {
        super(userMessage.key() + " " + userMessage.args());
        this.userMessage = userMessage;
    }

    /**
     * For refusals whose log needs more than the key: what went wrong technically (a remote
     * system's answer, say), while the user still sees {@code userMessage}.
     */
    protected LocalisedException(Message userMessage, String logMessage, Throwable cause) {
        super(logMessage, cause);
        this.userMessage = userMessage;
    }

    public Message userMessage() {
        return userMessage;
    }
}
