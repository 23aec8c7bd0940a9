package de.digitalstrategie.cockpit.sandbox.confluence;

import com.atlassian.webresource.api.assembler.PageBuilderService;
import com.atlassian.webresource.api.assembler.RequiredResources;
import com.atlassian.webresource.api.assembler.WebResourceAssembler;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The host's {@link PageBuilderService}: what the code that builds a page required, per request,
 * linked into the page's head by the page (the sandbox's layout, or the decorator of a servlet's
 * page, as Sitemesh's {@code atl.admin} does in Confluence). Nothing is linked that nobody
 * required, so markup that forgets to require its styles shows unstyled here too. A key that names
 * no web-resource module of the descriptor is refused: Confluence would only log it and leave the
 * page without the styles, which nobody notices.
 */
public final class SandboxWebResources implements PageBuilderService {
    private final Map<String, List<String>> modules;
    private final ThreadLocal<Set<String>> required = ThreadLocal.withInitial(LinkedHashSet::new);

    /** @param modules the descriptor's web-resource modules: complete key to download resource names */
    public SandboxWebResources(Map<String, List<String>> modules) {
        this.modules = Map.copyOf(modules);
    }

    @Override
    public WebResourceAssembler assembler() {
        return () -> new RequiredResources() {
            @Override
            public RequiredResources requireWebResource(String moduleCompleteKey) {
                if (!modules.containsKey(moduleCompleteKey)) {
                    throw new IllegalArgumentException("No web-resource module " + moduleCompleteKey
                            + " in the plugin's descriptor");
                }
                required.get().add(moduleCompleteKey);
                return this;
            }
        };
    }

    /** A new page starts: nothing required yet. */
    public void begin() {
        required.remove();
    }

    /** The style sheets the page being built required, as addresses under the host's root. */
    public List<String> styleSheets() {
        List<String> links = new ArrayList<>();
        for (String key : required.get()) {
            for (String name : modules.get(key)) {
                if (name.endsWith(".css")) {
                    links.add("/download/resources/" + key + "/" + name);
                }
            }
        }
        return links;
    }
}
