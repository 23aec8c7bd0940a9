package com.atlassian.scheduler.config;

import java.io.Serializable;
import java.util.Objects;

/**
 * Stand-in for {@code com.atlassian.scheduler.config.JobRunnerKey} (atlassian-scheduler API; the decompiled
 * class and the 1.6.0 javadoc): the key a runner is registered under. Never packaged.
 */
public final class JobRunnerKey implements Serializable, Comparable<JobRunnerKey> {
    private static final long serialVersionUID = 1L;
    private final String id;

    private JobRunnerKey(String id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    public static JobRunnerKey of(String id) {
        return new JobRunnerKey(id);
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((JobRunnerKey) o).id.equals(id);
    }

    @Override
    public int compareTo(JobRunnerKey o) {
        return id.compareTo(o.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
