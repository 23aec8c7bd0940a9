package de.digitalstrategie.cockpit.message;

/** Input that breaks a rule of the domain (a missing title, a negative budget, an unknown key). */
public class ValidationException extends LocalisedException {
    public ValidationException(Message userMessage) {
        super(userMessage);
    }

    public static ValidationException of(String key, java.io.Serializable... args) {
        return new ValidationException(Message.of(key, args));
    }
}
