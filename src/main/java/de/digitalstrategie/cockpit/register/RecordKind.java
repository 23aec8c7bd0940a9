package de.digitalstrategie.cockpit.register;

import de.digitalstrategie.cockpit.committee.BodyKind;

/**
 * The kinds of record the registers keep from minutes pages: what a body minutes with a macro of
 * its own. The constants' names are stored (audit trail, project links, Jira outbox), so a kind is
 * never renamed; a new kind is a new constant with its body, its macro and its anchor.
 */
public enum RecordKind {
    DECISION(BodyKind.STEERING_COMMITTEE, "committee-decision", "decision"),
    ADVISORY_INPUT(BodyKind.ADVISORY_BOARD, "advisory-input", "input");

    private final BodyKind body;
    private final String macro;
    private final String anchor;

    RecordKind(BodyKind body, String macro, String anchor) {
        this.body = body;
        this.macro = macro;
        this.anchor = anchor;
    }

    /** The body whose minutes record this kind, and whose roles may change its status. */
    public BodyKind body() {
        return body;
    }

    /** The name of the macro that records it in storage format. */
    public String macro() {
        return macro;
    }

    /**
     * The prefix of a record's HTML id on its page and of the register's links to it
     * ({@code decision-LK-2026-07}); also names the record's lock stripes.
     */
    public String anchor() {
        return anchor;
    }
}
