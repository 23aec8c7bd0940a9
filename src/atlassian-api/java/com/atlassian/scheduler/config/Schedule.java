package com.atlassian.scheduler.config;

import java.util.Date;
import java.util.Objects;

/**
 * Stand-in for {@code com.atlassian.scheduler.config.Schedule} (atlassian-scheduler API; the
 * decompiled class and the 1.6.0 javadoc). As in the real class, {@code runOnce(t)} is an interval
 * schedule with interval 0, and a {@code null} time means as soon as possible. Without cron
 * schedules: the plugin uses none. Never packaged.
 */
public final class Schedule {
    private final Type type;
    private final IntervalScheduleInfo intervalScheduleInfo;

    private Schedule(Type type, IntervalScheduleInfo intervalScheduleInfo) {
        this.type = Objects.requireNonNull(type, "type");
        this.intervalScheduleInfo = intervalScheduleInfo;
    }

    public static Schedule runOnce(Date runTime) {
        return forInterval(0L, runTime);
    }

    public static Schedule forInterval(long intervalInMillis, Date firstRunTime) {
        return new Schedule(Type.INTERVAL, new IntervalScheduleInfo(firstRunTime, intervalInMillis));
    }

    public IntervalScheduleInfo getIntervalScheduleInfo() {
        return intervalScheduleInfo;
    }

    public Type getType() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schedule other && type == other.type
                && Objects.equals(intervalScheduleInfo, other.intervalScheduleInfo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, intervalScheduleInfo);
    }

    @Override
    public String toString() {
        return "Schedule[type=" + type + ",intervalScheduleInfo=" + intervalScheduleInfo + "]";
    }

    public enum Type {
        CRON_EXPRESSION,
        INTERVAL
    }
}
