package de.digitalstrategie.cockpit.minutes.admin;

import com.atlassian.confluence.pages.Page;
import com.atlassian.confluence.pages.PageManager;
import com.atlassian.sal.api.user.UserManager;
import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.minutes.place.MinutesPlaces;
import de.digitalstrategie.cockpit.minutes.place.MinutesPlacesStore;
import de.digitalstrategie.cockpit.minutes.place.Places;
import de.digitalstrategie.cockpit.render.AdminPages;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.web.FormPage;
import de.digitalstrategie.cockpit.web.FormTokens;
import de.digitalstrategie.cockpit.web.Notice;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The administrators' page on which each body's minutes places are named: spaces and page trees
 * whose decision and input macros the registers take (see {@code MinutesPlaces}). Only for
 * administrators, who are refused nothing else here before the form is read; a change is a form
 * post with SAL's XSRF token, saved only when every field is valid, each error shown at its field.
 */
public class MinutesPlacesServlet extends FormPage {
    private final transient CommitteeStore committee;
    private final transient MinutesPlacesStore places;
    private final transient PageManager confluencePages;

    /**
     * One input of the form, as templates/admin/minutes.vm prints it.
     *
     * @param describedByHtml the ids of its help text and, when it has one, its error
     */
    public record Field(String idHtml, String nameHtml, String labelHtml, String valueHtml, String helpHtml,
                        String errorHtml, String describedByHtml) {
        public boolean hasError() {
            return !errorHtml.isEmpty();
        }
    }

    /** One body's places: its spaces and its page trees. */
    public record BodyPlaces(String legendHtml, List<Field> fields) {
    }

    /** What templates/admin/minutes.vm shows: only methods it may call on Confluence 9 (no JDK ones). */
    public record View(String xsrfNameHtml, String xsrfHtml, List<Notice> notices, List<BodyPlaces> bodies) {
        public boolean hasBodies() {
            return !bodies.isEmpty();
        }
    }

    public MinutesPlacesServlet(CommitteeStore committee, MinutesPlacesStore places, PageManager pages,
                                AdminPages admin, UserManager users, FormTokens tokens) {
        super(admin, Guard.administrators(users, admin), tokens);
        this.committee = committee;
        this.places = places;
        this.confluencePages = pages;
    }

    @Override
    protected void show(HttpServletRequest request, HttpServletResponse response, String user) throws IOException {
        Map<String, String[]> stored = new LinkedHashMap<>();
        for (String key : placeKeys()) {
            Places p = places.load(key);
            stored.put(key, new String[]{p.spacesText(), p.pagesText()});
        }
        render(request, response, stored, Map.of(), List.of());
    }

    @Override
    protected void take(HttpServletRequest request, HttpServletResponse response, String user) throws IOException {
        Texts t = texts();
        Map<String, String[]> entered = new LinkedHashMap<>();
        Map<String, String> errors = new HashMap<>();
        Map<String, Places> parsed = new LinkedHashMap<>();
        for (String key : placeKeys()) {
            String spaces = value(request, spacesName(key));
            String trees = value(request, pagesName(key));
            entered.put(key, new String[]{spaces, trees});
            Set<String> keys = Set.of();
            Set<Long> ids = Set.of();
            try {
                keys = Places.spaceKeys(spaces);
            } catch (ValidationException e) {
                errors.put(spacesName(key), t.plain(e.userMessage()));
            }
            try {
                ids = Places.pageIds(trees, id -> confluencePages.getAbstractPage(id) instanceof Page);
            } catch (ValidationException e) {
                errors.put(pagesName(key), t.plain(e.userMessage()));
            }
            parsed.put(key, new Places(keys, ids));
        }
        if (!errors.isEmpty()) {
            render(request, response, entered, errors, List.of(Notice.of(t.plain("cockpit.places.not-saved"), "error")));
            return;
        }
        parsed.forEach(places::save);
        Map<String, String[]> saved = new LinkedHashMap<>();
        parsed.forEach((key, p) -> saved.put(key, new String[]{p.spacesText(), p.pagesText()}));
        render(request, response, saved, Map.of(), List.of(Notice.of(t.plain("cockpit.admin.saved"), "success")));
    }

    /** A form value, bounded: a place list longer than this is no list of places. */
    private static String value(HttpServletRequest request, String name) {
        String v = request.getParameter(name);
        if (v == null) {
            return "";
        }
        return v.length() > 20_000 ? v.substring(0, 20_000) : v;
    }

    /** Each body's key, then the strategy places' (see {@link MinutesPlaces#STRATEGY}). */
    private List<String> placeKeys() {
        List<String> keys = new ArrayList<>(committee.bodies().stream().map(Body::key).toList());
        keys.add(MinutesPlaces.STRATEGY);
        return keys;
    }

    private static String spacesName(String key) {
        return "spaces." + key;
    }

    private static String pagesName(String key) {
        return "pages." + key;
    }

    private Texts texts() {
        return pages.texts();
    }

    private Field field(String name, String labelKey, String helpKey, String value, Map<String, String> errors,
                        Texts t) {
        String id = "places-" + name.replace('.', '-');
        String error = errors.getOrDefault(name, "");
        return new Field(Html.text(id), Html.text(name), Html.text(t.plain(labelKey)), Html.text(value),
                Html.text(t.plain(helpKey)), Html.text(error),
                Html.text(error.isEmpty() ? id + "-help" : id + "-help " + id + "-error"));
    }

    private BodyPlaces places(String key, String legend, Map<String, String[]> values, Map<String, String> errors,
                              Texts t) {
        String[] v = values.getOrDefault(key, new String[]{"", ""});
        return new BodyPlaces(Html.text(legend), List.of(
                field(spacesName(key), "cockpit.places.spaces", "cockpit.places.spaces.help", v[0], errors, t),
                field(pagesName(key), "cockpit.places.pages", "cockpit.places.pages.help", v[1], errors, t)));
    }

    private void render(HttpServletRequest request, HttpServletResponse response, Map<String, String[]> values,
                        Map<String, String> errors, List<Notice> notices) throws IOException {
        Texts t = texts();
        List<BodyPlaces> bodies = new ArrayList<>();
        for (Body b : committee.bodies()) {
            bodies.add(places(b.key(), t.plain("cockpit.places.body", b.name(), t.plain(b.kind())), values, errors, t));
        }
        // Goals and indicators (strategy): shown once there is a body, as the page always was.
        if (!bodies.isEmpty()) {
            bodies.add(places(MinutesPlaces.STRATEGY, t.plain("cockpit.places.strategy"), values, errors, t));
        }
        FormTokens.Field token = token(request, response);
        View view = new View(token.nameHtml(), token.valueHtml(), notices, bodies);
        pages.send(response, "templates/admin/minutes.vm", view, t);
    }
}
