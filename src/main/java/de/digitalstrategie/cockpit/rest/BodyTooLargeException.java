package de.digitalstrategie.cockpit.rest;

import de.digitalstrategie.cockpit.message.LocalisedException;
import de.digitalstrategie.cockpit.message.Message;

/** A request body longer than the plugin reads: answered 413, after reading no more than the bound. */
public class BodyTooLargeException extends LocalisedException {
    public BodyTooLargeException(int limit) {
        super(Message.of("cockpit.rest.error.body-too-large", limit));
    }
}
