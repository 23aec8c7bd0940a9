package com.atlassian.mail;

/**
 * Stand-in for atlassian-mail's {@code com.atlassian.mail.Email}: one message, built by its
 * fluent setters (each returns the email). Only the members this plugin and the sandbox call; the
 * sender is left to the host's configured mail server. Never packaged.
 */
public class Email {
    private final String to;
    private String subject;
    private String body;
    private String mimeType = "text/plain";

    public Email(String to) {
        this.to = to;
    }

    public String getTo() {
        return to;
    }

    public String getSubject() {
        return subject;
    }

    public Email setSubject(String subject) {
        this.subject = subject;
        return this;
    }

    public String getBody() {
        return body;
    }

    public Email setBody(String body) {
        this.body = body;
        return this;
    }

    public String getMimeType() {
        return mimeType;
    }

    public Email setMimeType(String mimeType) {
        this.mimeType = mimeType;
        return this;
    }
}
