package de.digitalstrategie.cockpit.message;

/** The record asked for does not exist (or is not visible to the asker): a 404, not a 400. */
public class NotFoundException extends LocalisedException {
    public NotFoundException(Message userMessage) {
        super(userMessage);
    }

    public static NotFoundException of(String key, java.io.Serializable... args) {
        return new NotFoundException(Message.of(key, args));
    }
}
