package com.atlassian.event.api;

/**
 * Stand-in for {@code com.atlassian.event.api.EventPublisher} (Atlassian Event javadoc): listeners
 * register themselves; the host calls their {@code @EventListener} methods. Never packaged.
 */
public interface EventPublisher {
    void publish(Object event);

    void register(Object listener);

    void unregister(Object listener);
}
