package de.digitalstrategie.cockpit.testing;

import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.sandbox.pages.SandboxConversionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The sandbox seeded with the Worms demo (or empty, for a test that writes its own data), and
 * pages rendered in it as a given viewer sees them.
 */
public final class SandboxFixture implements AutoCloseable {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);
    public final Sandbox sandbox;
    private final Path dir;

    public SandboxFixture() {
        this(true);
    }

    private SandboxFixture(boolean demo) {
        try {
            this.dir = Files.createTempDirectory("cockpit-sandbox");
            this.sandbox = new Sandbox(Database.h2Memory("s" + UUID.randomUUID().toString().replace("-", "")), dir, CLOCK);
            if (demo) {
                sandbox.seedDemo(Path.of("src/sandbox/seed/worms"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sandbox on a new, empty H2 database: no demo, nothing the test does not write itself. */
    public static SandboxFixture empty() {
        return new SandboxFixture(false);
    }

    /** Renders storage format as the given user (null: anonymous) sees it, with request parameters. */
    public String render(String storageFormat, String userKey, Locale locale, Map<String, String> parameters,
                         String outputType, SandboxPage page) {
        sandbox.users.actAs(userKey == null ? null : sandbox.users.user(userKey).orElseThrow());
        sandbox.request.enter(locale, parameters.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
        try {
            return sandbox.renderer.render(storageFormat, new SandboxConversionContext(page, outputType));
        } finally {
            sandbox.request.leave();
            sandbox.users.actAs(null);
        }
    }

    public String render(String storageFormat, String userKey) {
        return render(storageFormat, userKey, Locale.GERMAN, Map.of(), "display", null);
    }

    public static String macro(String name, Map<String, String> parameters, String body) {
        StringBuilder s = new StringBuilder("<ac:structured-macro ac:name=\"" + name + "\" ac:schema-version=\"1\" "
                + "ac:macro-id=\"" + UUID.randomUUID() + "\">");
        parameters.forEach((k, v) -> s.append("<ac:parameter ac:name=\"").append(k).append("\">")
                .append(v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")).append("</ac:parameter>"));
        if (body != null) {
            s.append("<ac:rich-text-body>").append(body).append("</ac:rich-text-body>");
        }
        return s.append("</ac:structured-macro>").toString();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
