package de.digitalstrategie.cockpit.sandbox.pages;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.core.ContentEntityObject;
import com.atlassian.confluence.pages.AbstractPage;

import java.util.HashMap;
import java.util.Map;

/**
 * The page being rendered and for what: "display" in the browser, "pdf" or "email" for exports.
 * One per rendering, as Confluence's: what a macro sets in its properties lasts until the
 * rendering ends, and, as in Confluence's {@code DefaultConversionContext}, it is not thread-safe.
 */
public final class SandboxConversionContext implements ConversionContext {
    private final AbstractPage page;
    private final String outputType;
    private final Map<String, Object> properties = new HashMap<>();

    public SandboxConversionContext(AbstractPage page, String outputType) {
        this.page = page;
        this.outputType = outputType;
    }

    public AbstractPage page() {
        return page;
    }

    public String outputType() {
        return outputType;
    }

    @Override
    public ContentEntityObject getEntity() {
        return page;
    }

    @Override
    public String getOutputType() {
        return outputType;
    }

    @Override
    public String getSpaceKey() {
        return page == null ? null : page.getSpaceKey();
    }

    @Override
    public Object getProperty(String name) {
        return properties.get(name);
    }

    @Override
    public void setProperty(String name, Object value) {
        properties.put(name, value);
    }
}
