package com.atlassian.scheduler.config;

import java.util.Date;
import java.util.Objects;

/**
 * Stand-in for {@code com.atlassian.scheduler.config.IntervalScheduleInfo} (atlassian-scheduler API;
 * the decompiled class): an interval schedule's first run (null: as soon as possible) and interval
 * (0: run once). Never packaged.
 */
public final class IntervalScheduleInfo {
    private final Date firstRunTime;
    private final long intervalInMillis;

    IntervalScheduleInfo(Date firstRunTime, long intervalInMillis) {
        if (intervalInMillis < 0L) {
            throw new IllegalArgumentException("intervalInMillis must not be negative");
        }
        this.firstRunTime = firstRunTime == null ? null : new Date(firstRunTime.getTime());
        this.intervalInMillis = intervalInMillis;
    }

    public Date getFirstRunTime() {
        return firstRunTime == null ? null : new Date(firstRunTime.getTime());
    }

    public long getIntervalInMillis() {
        return intervalInMillis;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntervalScheduleInfo other && intervalInMillis == other.intervalInMillis
                && Objects.equals(firstRunTime, other.firstRunTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(firstRunTime, intervalInMillis);
    }

    @Override
    public String toString() {
        return "IntervalScheduleInfo[firstRunTime=" + firstRunTime + ",intervalInMillis=" + intervalInMillis + "]";
    }
}
