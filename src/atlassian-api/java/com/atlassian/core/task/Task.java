package com.atlassian.core.task;

/**
 * Stand-in for atlassian-core's {@code com.atlassian.core.task.Task} (atlassian-core javadoc; in
 * Confluence's javadoc {@code ConfluenceMailQueueItem} and the mail notification items implement
 * it): work a {@link MultiQueueTaskManager} queue runs later. Never packaged.
 */
public interface Task {
    void execute() throws Exception;
}
