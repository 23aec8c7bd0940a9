package de.digitalstrategie.cockpit.publication.rest;

import javax.ws.rs.core.UriInfo;

/**
 * The public addresses, absolute under the address the request came to (Confluence's base URL
 * plus /rest/cockpit/1.0/), so that every link in an answer can be fetched as it is. Issue keys
 * ([A-Z0-9_-]) need no escaping in a path.
 */
final class PublicUrls {
    private final String root;

    PublicUrls(UriInfo uri) {
        String b = uri.getBaseUri().toString();
        this.root = (b.endsWith("/") ? b : b + "/") + "public/projects";
    }

    String list() {
        return root;
    }

    String project(String key) {
        return root + "/" + key;
    }

    String profile(String key) {
        return project(key) + "/profile";
    }

    String feed(String key) {
        return project(key) + "/feed";
    }
}
