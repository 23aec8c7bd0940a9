package de.digitalstrategie.cockpit.sandbox.confluence;

import com.atlassian.confluence.pages.Page;
import com.atlassian.confluence.user.ConfluenceUser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A page of the sandbox: one version of it, where it sits (its space, the page above it), who
 * saved that version, the users it is restricted to (empty: everyone may view it) and whether it
 * is in the trash.
 */
public final class SandboxPage extends Page {
    private final long id;
    private final int version;
    private final String spaceKey;
    private final long parentId;
    private final Supplier<Page> parent;
    private final String title;
    private final Supplier<String> body;
    private final Set<String> restrictedTo;
    private final boolean trashed;
    private final String kind;
    private final ConfluenceUser lastModifier;

    /** A page at the top of its space, saved by nobody in particular (an anonymous save). */
    public SandboxPage(long id, int version, String spaceKey, String title, String body, Set<String> restrictedTo,
                       boolean trashed, String kind) {
        this(id, version, spaceKey, null, title, body, restrictedTo, trashed, kind, null);
    }

    /** A page under {@code parent} (null: at the top of its space), saved by {@code lastModifier}. */
    public SandboxPage(long id, int version, String spaceKey, SandboxPage parent, String title, String body,
                       Set<String> restrictedTo, boolean trashed, String kind, ConfluenceUser lastModifier) {
        this(id, version, spaceKey, parent == null ? 0 : parent.getId(), () -> parent, title, () -> body,
                restrictedTo, trashed, kind, lastModifier);
    }

    /**
     * A page whose body (and the page above it) is read when first asked for, as Confluence loads
     * them lazily: permission checks over hundreds of pages need their titles and restrictions only.
     */
    SandboxPage(long id, int version, String spaceKey, long parentId, Supplier<Page> parent, String title,
                Supplier<String> body, Set<String> restrictedTo, boolean trashed, String kind,
                ConfluenceUser lastModifier) {
        this.id = id;
        this.version = version;
        this.spaceKey = spaceKey;
        this.parentId = parentId;
        this.parent = parentId == 0 ? () -> null : once(parent);
        this.title = title;
        this.body = once(body);
        this.restrictedTo = Set.copyOf(restrictedTo);
        this.trashed = trashed;
        this.kind = kind;
        this.lastModifier = lastModifier;
    }

    private static <T> Supplier<T> once(Supplier<T> source) {
        return new Supplier<>() {
            private T read;

            @Override
            public synchronized T get() {
                if (read == null) {
                    read = source.get();
                }
                return read;
            }
        };
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

    @Override
    public ConfluenceUser getLastModifier() {
        return lastModifier;
    }

    @Override
    public Page getParent() {
        return parent.get();
    }

    /** From the top of the space down to the page's parent, as Confluence lists them. */
    @Override
    public List<Page> getAncestors() {
        List<Page> ancestors = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Page p = getParent(); p != null && seen.add(p.getId()); p = p.getParent()) {
            ancestors.add(p);
        }
        Collections.reverse(ancestors);
        return ancestors;
    }

    /** The id of the page above this one, 0 at the top of the space. */
    public long parentId() {
        return parentId;
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

    /** The next version, with a new body, saved by {@code editor}. */
    public SandboxPage edited(String newBody, ConfluenceUser editor) {
        return new SandboxPage(id, version + 1, spaceKey, parentId, parent, title, () -> newBody, restrictedTo, trashed,
                kind, editor);
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
        String current = getBodyAsString();
        return new SandboxPage(id, version, spaceKey, parentId, parent, title, () -> current, restrictedTo, inTrash,
                kind, lastModifier);
    }
}
