package com.atlassian.mail.queue;

import com.atlassian.core.task.Task;

/**
 * Stand-in for atlassian-mail's {@code com.atlassian.mail.queue.MailQueueItem} (a {@link Task} that
 * knows how to send itself). Only what this plugin and the sandbox call. Never packaged.
 */
public interface MailQueueItem extends Task {
    String getSubject();
}
