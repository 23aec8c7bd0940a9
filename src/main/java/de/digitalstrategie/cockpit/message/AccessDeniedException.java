package de.digitalstrategie.cockpit.message;

/** The actor may not do this (a 403), e.g. change a decision without a seat as secretary or CDO. */
public class AccessDeniedException extends LocalisedException {
    public AccessDeniedException(Message userMessage) {
        super(userMessage);
    }

    public static AccessDeniedException of(String key, java.io.Serializable... args) {
        return new AccessDeniedException(Message.of(key, args));
    }
}
