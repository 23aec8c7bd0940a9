package de.digitalstrategie.cockpit.lock;

import de.digitalstrategie.cockpit.message.LocalisedException;
import de.digitalstrategie.cockpit.message.Message;

/**
 * A lock stayed taken by another holder for longer than the work could wait. A user sees "being
 * changed elsewhere, try again"; background work tries again later by itself.
 */
public class LockBusyException extends LocalisedException {
    public LockBusyException(String lockName) {
        super(Message.of("cockpit.lock.error.busy"), "Lock " + lockName + " is held elsewhere", null);
    }
}
