package de.digitalstrategie.cockpit.register;

import de.digitalstrategie.cockpit.committee.BodyKind;

/**
 * The kinds of record the registers keep from Confluence pages, each recorded by a macro of its
 * own: what a body minutes (a decision, advisory input), and the strategy's goals, which are kept
 * on strategy pages and belong to no body and no meeting. The constants' names are stored (audit
 * trail, project links, Jira outbox), so a kind is never renamed; a new kind is a new constant
 * with its body (or none), its macro and its anchor.
 */
public enum RecordKind {
    DECISION(BodyKind.STEERING_COMMITTEE, "committee-decision", "decision"),
    ADVISORY_INPUT(BodyKind.ADVISORY_BOARD, "advisory-input", "input"),
    /** Recorded from the strategy places, not from a body's minutes: see {@link #minuted()}. */
    GOAL(null, "strategy-goal", "goal");

    private final BodyKind body;
    private final String macro;
    private final String anchor;

    RecordKind(BodyKind body, String macro, String anchor) {
        this.body = body;
        this.macro = macro;
        this.anchor = anchor;
    }

    /**
     * The body whose minutes record this kind, and whose roles may change its status; only for a
     * kind that is {@link #minuted()}.
     */
    public BodyKind body() {
        if (body == null) {
            throw new IllegalStateException(this + " is kept on no body's minutes");
        }
        return body;
    }

    /**
     * Whether a body minutes this kind: its records lie on minutes pages and belong to a meeting.
     * Goals do not: their pages are the strategy places', and they have no meeting.
     */
    public boolean minuted() {
        return body != null;
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
