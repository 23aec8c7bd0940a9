package de.digitalstrategie.cockpit.meeting;

import java.util.List;

/** What happened since a body's last meeting, section by section. */
public record Preparation(Span span, List<Section> sections) {
    public Preparation {
        sections = List.copyOf(sections);
    }
}
