package de.digitalstrategie.cockpit.macro;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.macro.Macro;
import de.digitalstrategie.cockpit.message.LocalisedException;
import de.digitalstrategie.cockpit.message.UnavailableException;
import de.digitalstrategie.cockpit.render.MacroRenderer;
import de.digitalstrategie.cockpit.render.MacroRequest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The common edge of the plugin's macros: reads the string parameters once into
 * {@link MacroParameters}, renders, and turns any refusal into a localised error box in place of
 * the macro, so a bad parameter never breaks the page; what is only not ready yet becomes a notice.
 */
public abstract class CockpitMacro implements Macro {
    private static final Logger LOG = Logger.getLogger(CockpitMacro.class.getName());
    protected final MacroRenderer renderer;

    protected CockpitMacro(MacroRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public final String execute(Map<String, String> parameters, String body, ConversionContext context) {
        RenderMemo memo = RenderMemo.of(context);
        MacroRequest request = renderer.request(context, instanceKey(parameters),
                memo.get(List.of("viewer"), renderer::viewer));
        try {
            return render(new MacroParameters(parameters), body == null ? "" : body, request, memo);
        } catch (UnavailableException e) {
            return renderer.notice(request, e.userMessage());
        } catch (LocalisedException e) {
            return renderer.error(request, e.userMessage());
        } catch (RuntimeException e) {
            // A defect, not a user error: log it fully, show the user a plain message.
            LOG.log(Level.SEVERE, "Macro " + getClass().getSimpleName() + " failed", e);
            return renderer.error(request, de.digitalstrategie.cockpit.message.Message.of("cockpit.macro.error.internal"));
        }
    }

    protected abstract String render(MacroParameters parameters, String body, MacroRequest request);

    /**
     * Renders with what the macros of this rendering of the page share: a macro that reads what is
     * the same for all its instances on a page overrides this one.
     */
    protected String render(MacroParameters parameters, String body, MacroRequest request, RenderMemo memo) {
        return render(parameters, body, request);
    }

    @Override
    public OutputType getOutputType() {
        return OutputType.BLOCK;
    }

    /**
     * Several instances of a macro can sit on one page; each keeps its paging and sorting under a
     * prefix derived from its own configuration, stable across views.
     */
    private String instanceKey(Map<String, String> parameters) {
        Map<String, String> sorted = new TreeMap<>(parameters == null ? Map.of() : parameters);
        return "c" + Integer.toHexString((getClass().getSimpleName() + sorted).hashCode());
    }
}
