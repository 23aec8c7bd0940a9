package de.digitalstrategie.cockpit.sandbox.confluence;

import com.atlassian.core.task.MultiQueueTaskManager;
import com.atlassian.core.task.Task;
import com.atlassian.mail.Email;
import com.atlassian.mail.queue.SingleMailQueueItem;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Confluence's task queues as far as mail goes: what the plugin puts on the {@code "mail"} queue is
 * kept, in the order it came, instead of being sent (the sandbox has no mail server), so that the
 * sandbox can show it and tests can read it. Like Confluence's queue it lives in the node's memory:
 * each node keeps what it sent. A task on another queue, or one that is not a mail, is refused, as
 * nothing of the plugin should queue anything else.
 */
public final class SandboxMailQueue implements MultiQueueTaskManager {
    /** The queue Confluence sends mail from. */
    public static final String MAIL = "mail";

    /** One message as the host would have handed it to the mail server. */
    public record Sent(Instant at, String to, String subject, String mimeType, String body) {
    }

    private final Clock clock;
    private final List<Sent> sent = new ArrayList<>();

    public SandboxMailQueue(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void addTask(String queueName, Task task) {
        if (!MAIL.equals(queueName) || !(task instanceof SingleMailQueueItem item)) {
            throw new IllegalArgumentException("The sandbox's task queues take mail only: " + queueName + ", " + task);
        }
        Email email = item.getEmail();
        sent.add(new Sent(clock.instant(), email.getTo(), email.getSubject(), email.getMimeType(), email.getBody()));
    }

    /** What this node has sent, oldest first. */
    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }
}
