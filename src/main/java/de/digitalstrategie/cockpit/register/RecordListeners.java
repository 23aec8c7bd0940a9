package de.digitalstrategie.cockpit.register;

import java.util.List;

/**
 * Several parts of the plugin told of each record change, in order, as one listener: the
 * registers take one and need not know who listens (the Jira outbox, the OParl publication).
 */
public final class RecordListeners implements RecordListener {
    private final List<RecordListener> listeners;

    public RecordListeners(List<RecordListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void changed(RecordKind kind, long id) {
        for (RecordListener listener : listeners) {
            listener.changed(kind, id);
        }
    }
}
