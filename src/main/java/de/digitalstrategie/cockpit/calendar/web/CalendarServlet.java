package de.digitalstrategie.cockpit.calendar.web;

import com.atlassian.sal.api.user.UserManager;
import de.digitalstrategie.cockpit.calendar.CalendarLinks;
import de.digitalstrategie.cockpit.calendar.store.FeedTokens;
import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.render.AdminPages;
import de.digitalstrategie.cockpit.render.Formats;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.web.FormPage;
import de.digitalstrategie.cockpit.web.FormTokens;
import de.digitalstrategie.cockpit.web.Notice;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The calendar page of a signed-in user: the public feeds to subscribe to, and the user's own
 * personal feed address, made and revoked here (form posts with SAL's XSRF token; who asks is
 * checked before a byte of the form is read). The secret of a new address is shown once, in the
 * answer to the post that made it, and never again: only its digest is kept. The page is never
 * cached ({@code no-store}) and tells no referrer.
 */
public class CalendarServlet extends FormPage {
    private final transient CommitteeStore committee;
    private final transient FeedTokens tokens;
    private final transient CalendarLinks links;

    /** A feed to subscribe to: its name, its webcal: and its https address. */
    public record Feed(String nameHtml, String webcalHtml, String httpsHtml) {
    }

    /**
     * What templates/calendar/page.vm shows; every value escaped.
     *
     * @param created  the new personal feeds, only in the answer to the post that made them
     * @param stateHtml whether the user has an address, and since when
     */
    public record View(String xsrfNameHtml, String xsrfHtml, List<Feed> publicFeeds, List<Notice> notices,
                       List<Feed> created, String stateHtml, boolean hasAddress) {
        public boolean hasCreated() {
            return !created.isEmpty();
        }

        public boolean hasPublicFeeds() {
            return !publicFeeds.isEmpty();
        }
    }

    /** Anonymous visitors are refused: they have the public feeds on the pages. */
    public CalendarServlet(UserManager users, CommitteeStore committee, FeedTokens tokens, CalendarLinks links,
                           AdminPages pages, FormTokens formTokens) {
        super(pages, Guard.signedIn(users, pages), formTokens);
        this.committee = committee;
        this.tokens = tokens;
        this.links = links;
    }

    @Override
    protected void show(HttpServletRequest request, HttpServletResponse response, String user) throws IOException {
        render(request, response, user, List.of(), List.of());
    }

    @Override
    protected void take(HttpServletRequest request, HttpServletResponse response, String user) throws IOException {
        Texts t = pages.texts();
        String action = request.getParameter("action");
        if ("create".equals(action)) {
            String secret = tokens.create(user);
            List<Feed> created = new ArrayList<>();
            created.add(feed(t.plain("cockpit.calendar.all-bodies"), links.personalFeed(secret, null)));
            for (Body b : committee.bodies()) {
                created.add(feed(b.name(), links.personalFeed(secret, b.key())));
            }
            render(request, response, user, List.of(Notice.of(t.plain("cockpit.calendar.personal.created"),
                    "warning")), created);
        } else if ("revoke".equals(action)) {
            tokens.revoke(user);
            render(request, response, user, List.of(Notice.of(t.plain("cockpit.calendar.personal.revoked"),
                    "success")), List.of());
        } else {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    private static Feed feed(String name, String https) {
        return new Feed(Html.text(name), Html.text(CalendarLinks.webcal(https)), Html.text(https));
    }

    private void render(HttpServletRequest request, HttpServletResponse response, String user, List<Notice> notices,
                        List<Feed> created) throws IOException {
        Texts t = pages.texts();
        List<Feed> publicFeeds = new ArrayList<>();
        List<Body> publicBodies = committee.bodies().stream().filter(Body::isPublic).toList();
        if (!publicBodies.isEmpty()) {
            publicFeeds.add(feed(t.plain("cockpit.calendar.all-bodies"), links.publicFeed(null)));
            publicBodies.forEach(b -> publicFeeds.add(feed(b.name(), links.publicFeed(b.key()))));
        }
        Optional<java.time.Instant> issued = tokens.issued(user);
        String state = issued.isEmpty() ? t.plain("cockpit.calendar.personal.none") : t.plain(
                "cockpit.calendar.personal.since", new Formats(t.locale()).date(
                issued.get().atZone(java.time.ZoneId.systemDefault()).toLocalDate()));
        FormTokens.Field token = token(request, response);
        View view = new View(token.nameHtml(), token.valueHtml(), publicFeeds, notices, created,
                Html.text(state), issued.isPresent());
        response.setHeader("Referrer-Policy", "no-referrer");
        pages.send(response, "templates/calendar/page.vm", view, t);
    }
}
