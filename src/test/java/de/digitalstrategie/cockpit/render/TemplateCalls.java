package de.digitalstrategie.cockpit.render;

import de.digitalstrategie.cockpit.sandbox.host.TemplateTypes;
import de.digitalstrategie.cockpit.sandbox.host.VelocityAllowlist;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.log.NullLogChute;
import org.apache.velocity.runtime.parser.node.ASTDirective;
import org.apache.velocity.runtime.parser.node.ASTIdentifier;
import org.apache.velocity.runtime.parser.node.ASTMethod;
import org.apache.velocity.runtime.parser.node.ASTReference;
import org.apache.velocity.runtime.parser.node.ASTSetDirective;
import org.apache.velocity.runtime.parser.node.ASTStringLiteral;
import org.apache.velocity.runtime.parser.node.Node;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every method the plugin's templates call, worked out from the templates, not from a rendering run.
 *
 * <p>A rendering run sees only the branches its data takes ({@code #if}, an empty list), so the
 * calls it records depend on the demo data. This reads each template with Velocity 1.7's own parser
 * and follows the static types instead. A root template declares its context with IntelliJ's
 * {@code #* @vtlvariable name="view" type="..." *#} hints (read by {@link TemplateTypes}; the sandbox's
 * renderer fails a rendering with other types, so the hints are facts). Each call's method is looked
 * up on the type of what it is called on; its return type (a list's element type for {@code #foreach},
 * the value's type for {@code #set}) types the next step; {@code #parse}d templates are read with the
 * including template's types. What the analysis cannot follow (another directive, an interpolated
 * string, a method that two overloads could serve) fails it, so the answer is never a guess. A
 * view written once for several kinds of row has a list of a type variable: the template declares
 * its loop variable's type with the same hint (the sandbox's allowlist refuses any call the hint
 * would get wrong when the template renders).
 *
 * <p>Each hint line ends in {@code ##}: Velocity 1.x writes the newline after a block comment, the
 * line comment swallows it.
 */
final class TemplateCalls {
    private static final Pattern ROOT = Pattern.compile("^\\$!?\\{?([A-Za-z][\\w-]*)");

    private final Path templates;
    private final RuntimeInstance velocity = new RuntimeInstance();
    /** Allowlist entry → where it is called ("template:line"). */
    private final Map<String, Set<String>> calls = new TreeMap<>();
    private final Set<String> read = new TreeSet<>();

    private TemplateCalls(Path templates) {
        this.templates = templates;
        velocity.setProperty(RuntimeConstants.RUNTIME_LOG_LOGSYSTEM_CLASS, NullLogChute.class.getName());
        try {
            velocity.init();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The calls of every root template under {@code dir} (the class path root of "templates/..."). */
    static TemplateCalls of(Path dir) {
        TemplateCalls analysis = new TemplateCalls(dir);
        for (String name : analysis.allTemplates()) {
            Map<String, Type> context = analysis.hints(name);
            if (context.containsKey("view")) {
                analysis.read(name, context);
            }
        }
        return analysis;
    }

    /** Allowlist entry → the places that call it. */
    Map<String, Set<String>> calls() {
        return calls;
    }

    /** Every template the analysis read, root or {@code #parse}d. */
    Set<String> read() {
        return read;
    }

    /** Every template file, as "templates/..." names. */
    List<String> allTemplates() {
        try (Stream<Path> files = Files.walk(templates.resolve("templates"))) {
            return files.filter(f -> f.toString().endsWith(".vm"))
                    .map(f -> templates.relativize(f).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(String name) {
        try {
            return Files.readString(templates.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Type> hints(String name) {
        return new HashMap<>(TemplateTypes.declared(text(name), name));
    }

    private void read(String name, Map<String, Type> context) {
        read.add(name);
        Node tree;
        try {
            tree = velocity.parse(new StringReader(text(name)), name);
        } catch (Exception e) {
            throw new IllegalStateException(name + " does not parse with Velocity 1.7: " + e.getMessage(), e);
        }
        walk(tree, context, name);
    }

    private void walk(Node node, Map<String, Type> scope, String template) {
        if (node instanceof ASTReference ref) {
            typeOf(ref, scope, template);
        } else if (node instanceof ASTSetDirective) {
            ASTReference target = (ASTReference) node.jjtGetChild(0);
            if (target.jjtGetNumChildren() > 0) {
                throw fail(template, node, "#set on a property: a template only reads");
            }
            scope.put(root(target), typeOfExpression(node.jjtGetChild(1), scope, template));
        } else if (node instanceof ASTDirective directive) {
            switch (directive.getDirectiveName()) {
                case "foreach" -> {
                    ASTReference variable = (ASTReference) node.jjtGetChild(0);
                    Type list = typeOfExpression(node.jjtGetChild(2), scope, template);
                    Map<String, Type> inner = new HashMap<>(scope);
                    Type element = elementType(list, template, node);
                    if (element instanceof TypeVariable<?>) {
                        // A view written once for several kinds of row: the template names its row type.
                        element = Optional.ofNullable(scope.get(root(variable))).orElseThrow(() -> fail(template, node,
                                "#foreach over a list of " + list + ": declare $" + root(variable) + "'s type"));
                    }
                    inner.put(root(variable), element);
                    walk(node.jjtGetChild(3), inner, template);
                }
                case "parse" -> {
                    if (!(node.jjtGetChild(0) instanceof ASTStringLiteral literal) || literal.literal().contains("$")) {
                        throw fail(template, node, "#parse of a computed name");
                    }
                    String included = literal.literal().replaceAll("^[\"']|[\"']$", "");
                    read(included, scope);
                }
                default -> throw fail(template, node, "#" + directive.getDirectiveName()
                        + " is not followed by this analysis; the templates use #if, #set, #foreach, #parse");
            }
        } else if (node instanceof ASTStringLiteral literal) {
            if (literal.literal().contains("$") || literal.literal().contains("#")) {
                throw fail(template, node, "interpolated string " + literal.literal());
            }
        } else {
            for (int i = 0; i < node.jjtGetNumChildren(); i++) {
                walk(node.jjtGetChild(i), scope, template);
            }
        }
    }

    /** The type of an expression that is a single reference (or a literal, typed null). */
    private Type typeOfExpression(Node node, Map<String, Type> scope, String template) {
        Node inner = node;
        while (!(inner instanceof ASTReference) && inner.jjtGetNumChildren() == 1) {
            inner = inner.jjtGetChild(0);
        }
        if (inner instanceof ASTReference ref) {
            return typeOf(ref, scope, template);
        }
        walk(node, scope, template);
        return null;
    }

    private Type typeOf(ASTReference ref, Map<String, Type> scope, String template) {
        String root = root(ref);
        Type type = scope.get(root);
        if (type == null && ref.jjtGetNumChildren() > 0) {
            throw fail(template, ref, "$" + root + " has no declared type (#* @vtlvariable *#)");
        }
        for (int i = 0; i < ref.jjtGetNumChildren(); i++) {
            Node step = ref.jjtGetChild(i);
            Class<?> on = raw(type);
            Method method;
            if (step instanceof ASTMethod call) {
                String name = call.getFirstToken().image;
                int arity = call.jjtGetNumChildren() - 1;
                for (int a = 1; a <= arity; a++) {
                    typeOfExpression(call.jjtGetChild(a), scope, template);
                }
                method = only(on, name, arity, template, ref);
            } else if (step instanceof ASTIdentifier property) {
                String name = property.getFirstToken().image;
                String capital = Character.toUpperCase(name.charAt(0)) + name.substring(1);
                method = Arrays.stream(on.getMethods())
                        .filter(m -> m.getParameterCount() == 0
                                && (m.getName().equals("get" + capital) || m.getName().equals("is" + capital)))
                        .findFirst().orElseThrow(() -> fail(template, ref, on.getName() + " has no property " + name));
            } else {
                throw fail(template, ref, "unsupported reference step " + step.getClass().getSimpleName());
            }
            if (method.getDeclaringClass() != on) {
                throw fail(template, ref, method + " is declared by " + method.getDeclaringClass().getName()
                        + ", not by " + on.getName() + ": the allowlist matches the object's own class");
            }
            calls.computeIfAbsent(VelocityAllowlist.entryOf(method), k -> new TreeSet<>())
                    .add(template + ":" + ref.getLine());
            type = method.getGenericReturnType();
        }
        return type;
    }

    private static Method only(Class<?> on, String name, int arity, String template, Node at) {
        List<Method> candidates = new ArrayList<>();
        for (Method m : on.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arity && !Modifier.isStatic(m.getModifiers())) {
                candidates.add(m);
            }
        }
        if (candidates.size() != 1) {
            throw fail(template, at, on.getName() + " has " + candidates.size() + " methods " + name + " with "
                    + arity + " parameters; the analysis needs exactly one");
        }
        return candidates.get(0);
    }

    private static Type elementType(Type list, String template, Node at) {
        if (list instanceof ParameterizedType p && Collection.class.isAssignableFrom(raw(p))) {
            return p.getActualTypeArguments()[0];
        }
        throw fail(template, at, "#foreach over " + list + ", not a typed collection");
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("Cannot follow type " + type);
    }

    private static String root(ASTReference ref) {
        Matcher m = ROOT.matcher(ref.literal());
        if (!m.find()) {
            throw new IllegalStateException("Not a reference: " + ref.literal());
        }
        return m.group(1);
    }

    private static IllegalStateException fail(String template, Node at, String why) {
        return new IllegalStateException(template + ":" + at.getLine() + ": " + why);
    }
}
