package de.digitalstrategie.cockpit.sandbox.confluence;

import com.atlassian.confluence.pages.Page;

import java.util.Set;
import java.util.function.Supplier;

/**
 * A page of the sandbox: one version of it, with the users it is restricted to (empty: everyone
 * may view it) and whether it is in the trash.
 */
public final class SandboxPage extends Page {
    private final long id;
    private final int version;
    private final String spaceKey;
    private final String title;
    private final Supplier<String> body;
    private final Set<String> restrictedTo;
    private final boolean trashed;
    private final String kind;

    public SandboxPage(long id, int version, String spaceKey, String title, String body, Set<String> restrictedTo,
                       boolean trashed, String kind) {
        this(id, version, spaceKey, title, () -> body, restrictedTo, trashed, kind);
    }

    /**
     * A page whose body is read when first asked for, as Confluence loads a page's body content
     * lazily: permission checks over hundreds of pages need their titles and restrictions only.
     */
    SandboxPage(long id, int version, String spaceKey, String title, Supplier<String> body, Set<String> restrictedTo,
                boolean trashed, String kind) {
        this.id = id;
        this.version = version;
        this.spaceKey = spaceKey;
        this.title = title;
        this.body = new Supplier<>() {
            private String read;

            @Override
            public synchronized String get() {
                if (read == null) {
                    read = body.get();
                }
                return read;
            }
        };
        this.restrictedTo = Set.copyOf(restrictedTo);
        this.trashed = trashed;
        this.kind = kind;
    }

    @Override
    public long getId() {
        return id;
    }

    @Override
    public int getVersion() {
        return version;
    }

    @Override
    public String getSpaceKey() {
        return spaceKey;
    }

    @Override
    public String getTitle() {
        return title;
    }

    @Override
    public String getBodyAsString() {
        return body.get();
    }

    public Set<String> restrictedTo() {
        return restrictedTo;
    }

    public boolean trashed() {
        return trashed;
    }

    public String kind() {
        return kind;
    }

    public SandboxPage edited(String newBody) {
        return new SandboxPage(id, version + 1, spaceKey, title, newBody, restrictedTo, trashed, kind);
    }

    /** The same page under a new title, as a new version (renaming a page in Confluence is an edit). */
    public SandboxPage renamed(String newTitle) {
        return new SandboxPage(id, version + 1, spaceKey, newTitle, getBodyAsString(), restrictedTo, trashed, kind);
    }

    /** The same version with other view restrictions (in Confluence, not an edit of the page). */
    public SandboxPage withRestrictions(Set<String> users) {
        return new SandboxPage(id, version, spaceKey, title, getBodyAsString(), users, trashed, kind);
    }

    public SandboxPage withTrashed(boolean inTrash) {
        return new SandboxPage(id, version, spaceKey, title, getBodyAsString(), restrictedTo, inTrash, kind);
    }
}
