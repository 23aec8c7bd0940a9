package de.digitalstrategie.cockpit.publication.rest;

import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.history.ChangeField;
import de.digitalstrategie.cockpit.portfolio.history.ChangeTexts;
import de.digitalstrategie.cockpit.portfolio.history.ProjectChange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * A published project's status changes as an Atom feed (RFC 4287), from its history: one entry
 * per write that changed what the profile shows (the fields one sync or one edit changed
 * together), newest first. The publication itself is no entry: it is the cockpit's setting, not
 * news of the project.
 *
 * <p>Ids are {@code urn:uuid:} name-based UUIDs (RFC 9562 version 5) in the installation's own
 * namespace: the feed's from the project's key, an entry's from its first history row, so both
 * stay the same across every fetch, language and restart, and differ between installations.
 */
final class ProjectFeed {
    /** Entries in the feed: enough for a reader that polls now and then to miss nothing. */
    static final int ENTRIES = 50;
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private final PublicViews views;
    private final PublicUrls urls;
    private final UUID namespace;
    private final String publisher;

    ProjectFeed(PublicViews views, PublicUrls urls, UUID namespace, String publisher) {
        this.views = views;
        this.urls = urls;
        this.namespace = namespace;
        this.publisher = publisher;
    }

    /** @param history the project's history, newest first */
    String write(DigitalProject p, List<ProjectChange> history, Instant updated) {
        String key = p.issueKey();
        StringBuilder xml = new StringBuilder(4096);
        xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"").append(ATOM).append("\" xml:lang=\"")
                .append(views.locale().getLanguage()).append("\">\n");
        element(xml, "  ", "id", "urn:uuid:" + uuid("project/" + key));
        text(xml, "  ", "title", views.texts().plain("cockpit.public.feed.title", p.title(), key));
        element(xml, "  ", "updated", timestamp(updated));
        xml.append("  <author>\n");
        element(xml, "    ", "name", publisher);
        xml.append("  </author>\n");
        link(xml, "self", "application/atom+xml", urls.feed(key));
        link(xml, "alternate", "text/html", urls.profile(key));
        for (List<ProjectChange> write : entries(history)) {
            ProjectChange first = write.get(write.size() - 1);
            StringJoiner title = new StringJoiner("; ");
            StringJoiner content = new StringJoiner("\n");
            for (ProjectChange c : write) {
                String line = describe(c);
                title.add(line);
                content.add(line);
            }
            xml.append("  <entry>\n");
            element(xml, "    ", "id", "urn:uuid:" + uuid("change/" + key + "/" + first.id()));
            text(xml, "    ", "title", title.toString());
            element(xml, "    ", "updated", timestamp(first.at()));
            xml.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.escape(urls.profile(key)))
                    .append("\"/>\n");
            text(xml, "    ", "content", content.toString());
            xml.append("  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    /**
     * The history as writes (rows of one time and source), newest first, the publication's rows and
     * removals from the portfolio left out: the feed tells how the project stands, not what the
     * cockpit did with it (a project that comes back is unpublished until the staff unit says so).
     */
    static List<List<ProjectChange>> entries(List<ProjectChange> history) {
        List<List<ProjectChange>> writes = new ArrayList<>();
        List<ProjectChange> current = null;
        for (ProjectChange c : history) {
            if (!c.field().mirrored()) {
                continue;
            }
            if (current == null || !current.get(0).at().equals(c.at()) || current.get(0).source() != c.source()) {
                if (writes.size() == ENTRIES) {
                    break;
                }
                current = new ArrayList<>();
                writes.add(current);
            }
            current.add(c);
        }
        // Within a write, the fields in their order (status first), as the profile lists them.
        writes.forEach(w -> w.sort(java.util.Comparator.comparing(ProjectChange::field)));
        return writes;
    }

    private String describe(ProjectChange c) {
        return new ChangeTexts(views.texts(), views.formats()).describe(c);
    }

    /** RFC 3339 in UTC, to the second, as Atom's date constructs want it. */
    private static String timestamp(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private UUID uuid(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(java.nio.ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                    .putLong(namespace.getLeastSignificantBits()).array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(hash, 0, 16);
            return new UUID(b.getLong(), b.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    private static void element(StringBuilder xml, String indent, String name, String value) {
        xml.append(indent).append('<').append(name).append('>').append(Xml.escape(value)).append("</").append(name)
                .append(">\n");
    }

    /** A text construct: plain text, escaped (never HTML a reader would render). */
    private static void text(StringBuilder xml, String indent, String name, String value) {
        xml.append(indent).append('<').append(name).append(" type=\"text\">").append(Xml.escape(value)).append("</")
                .append(name).append(">\n");
    }

    private static void link(StringBuilder xml, String rel, String type, String href) {
        xml.append("  <link rel=\"").append(rel).append("\" type=\"").append(type).append("\" href=\"")
                .append(Xml.escape(href)).append("\"/>\n");
    }
}
