package de.digitalstrategie.cockpit.sandbox.host;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The types a template declares for its context, in IntelliJ's hint comments:
 * {@code #* @vtlvariable name="view" type="de.example.Macro.View" *#}. Velocity ignores them; the
 * sandbox reads them twice: the renderer checks that a template is rendered with what it declares,
 * and the allowlist test follows the declared types to every method the templates call. So the hints
 * cannot drift from the code, and the analysis stands on facts.
 */
public final class TemplateTypes {
    private static final Pattern HINT = Pattern.compile(
            "#\\*\\s*@vtlvariable\\s+name=\"(\\w+)\"\\s+type=\"([\\w.$]+)\"\\s*\\*#");

    private TemplateTypes() {
    }

    /** Context name → declared class, in the order the template declares them. */
    public static Map<String, Class<?>> declared(String templateSource, String templateName) {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        Matcher m = HINT.matcher(templateSource);
        while (m.find()) {
            types.put(m.group(1), load(m.group(2), templateName));
        }
        return types;
    }

    /** A class by the canonical name a hint writes ({@code Outer.Inner} for a nested class). */
    private static Class<?> load(String canonical, String templateName) {
        String name = canonical;
        while (true) {
            try {
                return Class.forName(name, false, TemplateTypes.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                int dot = name.lastIndexOf('.');
                if (dot < 0) {
                    throw new IllegalStateException(templateName + " declares a type that does not exist: " + canonical, e);
                }
                name = name.substring(0, dot) + "$" + name.substring(dot + 1);
            }
        }
    }
}
