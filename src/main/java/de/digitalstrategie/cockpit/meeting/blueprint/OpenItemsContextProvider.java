package de.digitalstrategie.cockpit.meeting.blueprint;

import com.atlassian.plugin.web.ContextProvider;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.message.LocaleResolver;
import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.meeting.store.OpenDecisions;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.PageLinks;
import de.digitalstrategie.cockpit.render.Texts;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills the steering committee's minutes blueprint: its variable {@code openItems} (written with
 * {@code at:rawxhtml="true"}) becomes the list of the committee's open items, motions ready for the
 * vote and decisions deferred, each linked to the minutes that hold it, for the new meeting's agenda.
 *
 * <p>The list is copied into a page whose readers nobody knows yet (whoever creates it sets its
 * restrictions later, if at all), so it holds only what the creator may read and what is on minutes
 * anonymous visitors may read too: an open item of confidential minutes is never copied into a page
 * that may be less confidential. The preparation macro at the top of the page shows each reader
 * every open item he may see.
 */
public class OpenItemsContextProvider implements ContextProvider {
    /** The template's variable, as {@code <at:var at:name="openItems" at:rawxhtml="true"/>} names it. */
    public static final String OPEN_ITEMS = "openItems";
    private final OpenDecisions openDecisions;
    private final CommitteeStore committee;
    private final PageAccess pageAccess;
    private final PageLinks pageLinks;
    private final I18nResolver i18n;
    private final LocaleResolver locales;

    public OpenItemsContextProvider(OpenDecisions openDecisions, CommitteeStore committee, PageAccess pageAccess,
                                    PageLinks pageLinks, I18nResolver i18n, LocaleResolver locales) {
        this.openDecisions = openDecisions;
        this.committee = committee;
        this.pageAccess = pageAccess;
        this.pageLinks = pageLinks;
        this.i18n = i18n;
        this.locales = locales;
    }

    @Override
    public void init(Map<String, String> params) {
        // Nothing to configure: the steering committee's open items are the same in every space.
    }

    @Override
    public Map<String, Object> getContextMap(Map<String, Object> context) {
        Set<Long> pages = new HashSet<>(pageAccess.viewable(committee.minutesPageIds()));
        pages.retainAll(pageAccess.publiclyViewable(pages));
        Map<String, Object> filled = new HashMap<>(context);
        filled.put(OPEN_ITEMS, storageFormat(openDecisions.open(pages), new Texts(i18n, locales.getLocale())));
        return filled;
    }

    /** Storage format: every value escaped, as the variable is inserted as markup. */
    private String storageFormat(List<OpenDecisions.Open> open, Texts t) {
        if (open.isEmpty()) {
            return "<p>" + Html.text(t.plain("cockpit.preparation.open.none")) + "</p>";
        }
        StringBuilder list = new StringBuilder("<ol>");
        for (OpenDecisions.Open item : open) {
            list.append("<li><a href=\"").append(Html.url(pageLinks.apply(item.decision().page().pageId())))
                    .append("\">").append(Html.text(item.decision().number())).append("</a> ")
                    .append(Html.text(item.decision().title())).append(" (").append(Html.text(t.plain(item.note())))
                    .append(")</li>");
        }
        return list.append("</ol>").toString();
    }
}
