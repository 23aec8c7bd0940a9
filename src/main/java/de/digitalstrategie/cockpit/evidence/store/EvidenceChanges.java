package de.digitalstrategie.cockpit.evidence.store;

import de.digitalstrategie.cockpit.register.RecordKind;
import de.digitalstrategie.cockpit.register.RecordListener;
import de.digitalstrategie.cockpit.store.ChangeStamps;

/**
 * The stamp of what the flags read besides the project mirror (which has its own): the decisions
 * (their status, meeting day and the projects they concern) and the acknowledgements. Told of every
 * record change inside its transaction, as the outbox is; a portfolio page's flags are read again
 * only when this stamp or the mirror's moved.
 */
public class EvidenceChanges implements RecordListener {
    private static final String AREA = "evidence";

    private final ChangeStamps stamps;

    public EvidenceChanges(ChangeStamps stamps) {
        this.stamps = stamps;
    }

    @Override
    public void changed(RecordKind kind, long id) {
        // Only decisions back a reported status; advisory input and goals do not.
        if (kind == RecordKind.DECISION) {
            stamps.touch(AREA);
        }
    }

    /** An acknowledgement was written: call inside its transaction. */
    void acknowledged() {
        stamps.touch(AREA);
    }

    String current() {
        return stamps.current(AREA);
    }
}
