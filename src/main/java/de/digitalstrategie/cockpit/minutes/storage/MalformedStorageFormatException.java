package de.digitalstrategie.cockpit.minutes.storage;

import de.digitalstrategie.cockpit.message.LocalisedException;
import de.digitalstrategie.cockpit.message.Message;

/**
 * A page whose storage format cannot be read. Line and column count in the page's own storage
 * format (both from 1), so an editor can find the spot; they say where the parser gave up, which
 * may lie after the actual mistake (an unclosed element is noticed only at the page's end).
 */
public class MalformedStorageFormatException extends LocalisedException {
    private final int line;
    private final int column;

    public MalformedStorageFormatException(int line, int column) {
        super(Message.of("cockpit.storage.error.malformed", line, column));
        this.line = line;
        this.column = column;
    }

    /** @param cause the parser's own report, kept for the log: it names what it expected */
    public MalformedStorageFormatException(int line, int column, Throwable cause) {
        this(line, column);
        initCause(cause);
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
