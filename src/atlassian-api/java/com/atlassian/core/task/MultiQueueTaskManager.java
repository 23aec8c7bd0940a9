package com.atlassian.core.task;

/**
 * Stand-in for atlassian-core's {@code com.atlassian.core.task.MultiQueueTaskManager}
 * (atlassian-core 3.x javadoc: {@code void addTask(String queueName, Task task)}): the host's named
 * task queues. Confluence sends its mail from the queue named {@code "mail"}, which its mail
 * queue job flushes through the configured SMTP server (Confluence javadoc,
 * {@code DefaultMailQueueManager}, {@code ConfluenceMailQueueItem}); whether Confluence 9 still
 * offers this component to plugins as an OSGi service is [P] (it is the documented way for plugins
 * up to 8.x). Only what this plugin calls. Never packaged.
 */
public interface MultiQueueTaskManager {
    void addTask(String queueName, Task task);
}
