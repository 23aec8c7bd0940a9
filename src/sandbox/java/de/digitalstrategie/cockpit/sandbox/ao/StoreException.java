package de.digitalstrategie.cockpit.sandbox.ao;

/** A database failure under the ActiveObjects facade, unchecked as in Atlassian's AO. */
public final class StoreException extends RuntimeException {
    StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
