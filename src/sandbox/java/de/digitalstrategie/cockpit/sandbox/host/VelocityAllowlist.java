package de.digitalstrategie.cockpit.sandbox.host;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Confluence 9's Velocity method allowlist, as the sandbox enforces it.
 *
 * <p>"From Confluence 9.0 [...] all method invocations in Velocity templates are subject to a strict
 * method allowlist. Any attempted method invocations which are not allowlisted will result in a log
 * warning and the method invocation being blocked." Products allowlist "appropriate JDK and Atlassian
 * class methods"; a plugin adds its own in {@code <velocity-allowlist key="..."><method>...</method>}
 * modules, and "Plugins can only define allowlist entries for their own classes."
 * (developer.atlassian.com/server/framework/atlassian-sdk/configuring-the-velocity-allowlist/ and
 * .../velocity-allowlist-plugin-module/, both last updated June 2024.)
 *
 * <p>The entries are read from the plugin's {@code atlassian-plugin.xml} at runtime, so the descriptor
 * that ships is the only list. Where the real host could not be verified, the sandbox is stricter:
 * <ul>
 *   <li><b>No JDK method is allowed.</b> Confluence's global list is not published; a template that
 *   relied on, say, {@code List#isEmpty()} being on it could be blocked in production. Templates get
 *   plain values from the plugin's own view records instead, which is what Atlassian asks for
 *   ("only exposing immutable DTOs").</li>
 *   <li><b>An entry is the method's declaring class as {@link Class#getName()} spells it (nested classes
 *   with {@code $}), {@code #}, the method name and the parameter types in parentheses</b>, e.g.
 *   {@code de.example.Outer$View#titleHtml()}. The module documentation shows
 *   {@code fully.qualified.Class#method(param.Types)}; Atlassian's Velocity fork identifies classes
 *   by {@code Class.getName()} in its class checks ({@code SecureIntrospectorImpl}); that the method
 *   allowlist spells nested classes the same way is inferred from there, not documented [U]: the
 *   README says how an administrator confirms it on a real instance. Entries with more than one parameter are refused: how the host separates
 *   parameter types is not documented, and a mismatch would block the call silently in production.</li>
 *   <li><b>An entry must name a public method that its class declares itself</b>, and a call is let
 *   through only on an object of exactly that class: whether the host matches inherited or
 *   interface-declared methods against an entry is not documented.</li>
 *   <li><b>Property access counts as a method call.</b> In Velocity 1.x {@code $a.b} is resolved by the
 *   introspector's {@code getMethod} ({@code getB()}, {@code isB()}, {@code get("b")}), the very method
 *   Atlassian's secure introspector guards; so {@code $a.b} needs {@code A#getB()} on the list.</li>
 * </ul>
 *
 * <p>The host's own classes ({@code de.digitalstrategie.cockpit.sandbox}) stand for Confluence's:
 * their methods are on the host's global list, so the sandbox's own pages render. Plugin templates
 * never see such an object: the plugin does not depend on the sandbox.
 */
public final class VelocityAllowlist {
    /** The descriptor on the class path, as the plugin JAR carries it. */
    public static final String DESCRIPTOR = "/atlassian-plugin.xml";

    private static final String HOST_PACKAGE = "de.digitalstrategie.cockpit.sandbox.";
    private static final String PLUGIN_PACKAGE = "de.digitalstrategie.cockpit.";
    /** {@code fqcn#method()} or {@code fqcn#method(one.Type)}; see the class comment for why not more. */
    private static final Pattern ENTRY = Pattern.compile("([\\w.$]+)#(\\w+)\\(([\\w.$]*)\\)");
    /** Velocity resolves each call anew for every rendering; an entry's spelling is worked out once. */
    private static final Map<Method, String> ENTRIES = new ConcurrentHashMap<>();

    private final Set<String> entries;

    private VelocityAllowlist(Set<String> entries) {
        this.entries = Collections.unmodifiableSet(entries);
    }

    /** The allowlist the plugin's own descriptor declares. */
    public static VelocityAllowlist ofPlugin() {
        try (InputStream in = VelocityAllowlist.class.getResourceAsStream(DESCRIPTOR)) {
            if (in == null) {
                throw new IllegalStateException(DESCRIPTOR + " is not on the class path");
            }
            return fromDescriptor(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code <method>} entries of every enabled {@code <velocity-allowlist>} module of a plugin
     * descriptor. Fails on an entry Confluence would not honour or that names nothing, instead of
     * leaving a template to be blocked in production.
     */
    public static VelocityAllowlist fromDescriptor(InputStream descriptor) {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            root = factory.newDocumentBuilder().parse(descriptor).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("Plugin descriptor cannot be read: " + e.getMessage(), e);
        }
        Set<String> entries = new LinkedHashSet<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element module) || !"velocity-allowlist".equals(module.getTagName())) {
                continue;
            }
            if (module.getAttribute("key").isBlank()) {
                throw new IllegalArgumentException("<velocity-allowlist> needs a key (the module documentation marks it required)");
            }
            // state="disabled" switches a module off by default, so its entries do not count.
            if ("disabled".equals(module.getAttribute("state"))) {
                continue;
            }
            NodeList children = module.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i) instanceof Element child) {
                    if (!"method".equals(child.getTagName())) {
                        throw new IllegalArgumentException("<velocity-allowlist> knows only <method> children, not <"
                                + child.getTagName() + ">");
                    }
                    String entry = child.getTextContent().strip();
                    check(entry);
                    if (!entries.add(entry)) {
                        throw new IllegalArgumentException("Allowlist entry declared twice: " + entry);
                    }
                }
            }
        }
        return new VelocityAllowlist(entries);
    }

    /** The plugin's entries, in the order the descriptor declares them. */
    public Set<String> entries() {
        return entries;
    }

    /**
     * Whether a template may call {@code method} on an object of class {@code target}: a method of the
     * host's own classes, or one the plugin allowlists, declared by the object's own class.
     */
    public boolean permits(Class<?> target, Method method) {
        Class<?> declaring = method.getDeclaringClass();
        if (isHost(declaring)) {
            return true;
        }
        return declaring == target && entries.contains(ENTRIES.computeIfAbsent(method, VelocityAllowlist::entryOf));
    }

    /** The allowlist entry that would let a template call {@code method}. */
    public static String entryOf(Method method) {
        return method.getDeclaringClass().getName() + "#" + method.getName() + "("
                + Arrays.stream(method.getParameterTypes()).map(Class::getName).collect(Collectors.joining(","))
                + ")";
    }

    private static boolean isHost(Class<?> type) {
        return type.getName().startsWith(HOST_PACKAGE);
    }

    private static void check(String entry) {
        Matcher m = ENTRY.matcher(entry);
        if (!m.matches()) {
            throw new IllegalArgumentException("Allowlist entry '" + entry + "' is not fully.qualified.Class#method() "
                    + "or #method(one.Type); entries with more than one parameter are refused because the "
                    + "host's separator is not documented");
        }
        Class<?> type;
        try {
            type = Class.forName(m.group(1), false, VelocityAllowlist.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("Allowlist entry '" + entry + "' names no class (nested classes take $)", e);
        }
        if (!type.getName().startsWith(PLUGIN_PACKAGE) || isHost(type)) {
            throw new IllegalArgumentException("Allowlist entry '" + entry
                    + "': a plugin can allowlist only its own classes");
        }
        Method method = Arrays.stream(type.getDeclaredMethods())
                .filter(d -> Modifier.isPublic(d.getModifiers()) && entryOf(d).equals(entry))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("Allowlist entry '" + entry
                        + "' names no public method that " + type.getName() + " declares"));
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
            throw new IllegalArgumentException("Allowlist entry '" + entry
                    + "': templates can call only public instance methods of public classes");
        }
    }
}
