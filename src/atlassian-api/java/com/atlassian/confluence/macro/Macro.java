package com.atlassian.confluence.macro;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;

import java.util.Map;

/**
 * Stand-in for {@code com.atlassian.confluence.macro.Macro} (Confluence 8.4 and 9.1 javadoc): an
 * {@code <xhtml-macro>} implementation. Never packaged.
 */
public interface Macro {
    String execute(Map<String, String> parameters, String body, ConversionContext context)
            throws MacroExecutionException;

    BodyType getBodyType();

    OutputType getOutputType();

    enum BodyType { PLAIN_TEXT, RICH_TEXT, NONE }

    enum OutputType { INLINE, BLOCK }
}
