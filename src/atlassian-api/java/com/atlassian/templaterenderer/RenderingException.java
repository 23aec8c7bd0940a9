package com.atlassian.templaterenderer;

/**
 * Stand-in for {@code com.atlassian.templaterenderer.RenderingException} (Atlassian Template
 * Renderer API javadoc): an unchecked failure to render a template. Never packaged.
 */
public class RenderingException extends RuntimeException {
    public RenderingException(String message) {
        super(message);
    }

    public RenderingException(Throwable cause) {
        super(cause);
    }

    public RenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
