package de.digitalstrategie.cockpit.render;

import com.atlassian.webresource.api.assembler.PageBuilderService;

/**
 * The plugin's styles, asked for by whatever puts the plugin's markup on a page (a macro, the admin
 * page) rather than by web-resource contexts: a macro shows on page views and previews, but also
 * on dashboards, in exports and in included pages, whose contexts nobody can list; and a page that
 * shows no macro needs no styles. The host then links the resources itself, under its own context
 * path, where a hard-coded {@code /download/...} address would break in a Confluence that runs
 * under one (such as {@code /confluence}).
 */
public class WebResources {
    /** The {@code <web-resource key="cockpit-resources">} module of atlassian-plugin.xml. */
    public static final String STYLES = "de.digitalstrategie.cockpit:cockpit-resources";

    private final PageBuilderService pages;

    public WebResources(PageBuilderService pages) {
        this.pages = pages;
    }

    /** Asks the host to link the plugin's styles into the page being built. */
    public void requireStyles() {
        pages.assembler().resources().requireWebResource(STYLES);
    }
}
