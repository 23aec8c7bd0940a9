package de.digitalstrategie.cockpit.message;

import java.io.Serializable;
import java.util.List;

/** A message argument that is a list of texts, resolved one by one and joined with commas. */
public record MessageList(List<Message> items) implements Serializable {
    public MessageList {
        items = List.copyOf(items);
    }
}
