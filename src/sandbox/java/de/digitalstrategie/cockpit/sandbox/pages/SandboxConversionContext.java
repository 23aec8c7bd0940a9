package de.digitalstrategie.cockpit.sandbox.pages;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.core.ContentEntityObject;
import com.atlassian.confluence.pages.AbstractPage;

/** The page being rendered and for what: "display" in the browser, "pdf" or "email" for exports. */
public record SandboxConversionContext(AbstractPage page, String outputType) implements ConversionContext {
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
        return null;
    }
}
