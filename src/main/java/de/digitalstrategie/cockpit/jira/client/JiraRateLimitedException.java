package de.digitalstrategie.cockpit.jira.client;

import de.digitalstrategie.cockpit.message.Message;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** 429 even after the retries: Jira's rate limiting holds the cockpit back. */
public class JiraRateLimitedException extends JiraException {
    private final Duration retryAfter;

    public JiraRateLimitedException(String request, List<String> errorMessages, Map<String, String> errors,
                                    Duration retryAfter) {
        super(request, 429, errorMessages, errors, Message.of("cockpit.jira.error.rate-limited"));
        this.retryAfter = retryAfter;
    }

    /** How long Jira asked to wait before the next attempt, uncapped, so a caller can schedule it. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
