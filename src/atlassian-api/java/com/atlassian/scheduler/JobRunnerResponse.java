package com.atlassian.scheduler;

import com.atlassian.scheduler.status.RunOutcome;

import java.util.Objects;

/**
 * Stand-in for {@code com.atlassian.scheduler.JobRunnerResponse} (atlassian-scheduler API; the
 * decompiled class and the 1.6.0 javadoc's uses of it): the outcome of one run. As in the real
 * class, {@code aborted} and {@code failed} insist on a message. Never packaged.
 */
public final class JobRunnerResponse {
    private final RunOutcome runOutcome;
    private final String message;

    private JobRunnerResponse(RunOutcome runOutcome, String message) {
        this.runOutcome = runOutcome;
        this.message = message;
    }

    public static JobRunnerResponse success() {
        return success(null);
    }

    public static JobRunnerResponse success(String message) {
        return new JobRunnerResponse(RunOutcome.SUCCESS, message);
    }

    public static JobRunnerResponse aborted(String message) {
        return new JobRunnerResponse(RunOutcome.ABORTED, required(message, "aborted"));
    }

    public static JobRunnerResponse failed(String message) {
        return new JobRunnerResponse(RunOutcome.FAILED, required(message, "failed"));
    }

    public static JobRunnerResponse failed(Throwable cause) {
        Objects.requireNonNull(cause, "cause");
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new JobRunnerResponse(RunOutcome.FAILED, text.length() > 255 ? text.substring(0, 255) : text);
    }

    private static String required(String message, String what) {
        if (message == null || message.trim().isEmpty()) {
            throw new IllegalArgumentException("The message must be specified when reporting a job as " + what + "!");
        }
        return message;
    }

    public RunOutcome getRunOutcome() {
        return runOutcome;
    }

    public String getMessage() {
        return message;
    }

    @Override
    public String toString() {
        return "JobRunnerResponse[runOutcome=" + runOutcome + ",message='" + message + "']";
    }
}
