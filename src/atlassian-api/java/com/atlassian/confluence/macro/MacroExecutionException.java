package com.atlassian.confluence.macro;

/** Stand-in for {@code com.atlassian.confluence.macro.MacroExecutionException} (Confluence javadoc). Never packaged. */
public class MacroExecutionException extends Exception {
    public MacroExecutionException() {
    }

    public MacroExecutionException(String message) {
        super(message);
    }

    public MacroExecutionException(String message, Throwable cause) {
        super(message, cause);
    }

    public MacroExecutionException(Throwable cause) {
        super(cause);
    }
}
