package de.digitalstrategie.cockpit.register;

import java.util.List;

/**
 * A record macro's parameters, typed and checked once: what its page says the record is. The same
 * bean feeds the macro's rendering and the minutes sync, so both read a page the same way.
 *
 * @param <S> the kind's status
 */
public interface RecordParameters<S> {
    String number();

    String title();

    /** The status the page claims. */
    S status();

    List<String> projectKeys();
}
