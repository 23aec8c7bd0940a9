package de.digitalstrategie.cockpit.macro;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the macros of one rendering of a page share: answers that are the same for every macro on
 * it (the page's records, whether it lies in a body's places, the viewer's permission on a page).
 * It lives in the rendering's {@link ConversionContext}, which Confluence creates for each
 * rendering of a page for one viewer, so nothing is kept across renderings or across viewers: a
 * record saved or a restriction changed shows on the next view.
 */
public final class RenderMemo {
    private static final String PROPERTY = "de.digitalstrategie.cockpit.render-memo";
    private final Map<Object, Object> answers = new ConcurrentHashMap<>();

    /** The memo of this rendering; a fresh one when there is no context to keep it in. */
    public static RenderMemo of(ConversionContext context) {
        if (context == null) {
            return new RenderMemo();
        }
        if (context.getProperty(PROPERTY) instanceof RenderMemo memo) {
            return memo;
        }
        RenderMemo memo = new RenderMemo();
        context.setProperty(PROPERTY, memo);
        return memo;
    }

    /**
     * The answer under this key, computed on first use. The key names what is asked and everything
     * the answer depends on within the rendering (the page, the number asked for).
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> compute) {
        Object known = answers.get(key);
        if (known == null) {
            // Not computeIfAbsent: an answer may itself ask the memo.
            known = compute.get();
            Object raced = answers.putIfAbsent(key, known);
            known = raced == null ? known : raced;
        }
        return (T) known;
    }
}
