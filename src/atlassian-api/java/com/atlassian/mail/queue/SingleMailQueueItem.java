package com.atlassian.mail.queue;

import com.atlassian.mail.Email;

/**
 * Stand-in for atlassian-mail's {@code com.atlassian.mail.queue.SingleMailQueueItem}: one
 * {@link Email} on the host's mail queue ({@code SingleMailQueueItem(Email)}, {@code getEmail()}).
 * The real one sends through the host's default SMTP server when the queue runs it; here only the
 * host (the sandbox) runs the queue, and it keeps what would have been sent. Never packaged.
 */
public class SingleMailQueueItem implements MailQueueItem {
    private final Email email;

    public SingleMailQueueItem(Email email) {
        this.email = email;
    }

    public Email getEmail() {
        return email;
    }

    @Override
    public String getSubject() {
        return email.getSubject();
    }

    @Override
    public void execute() {
        throw new UnsupportedOperationException("Mail is sent by the host's mail queue, never by the plugin");
    }
}
