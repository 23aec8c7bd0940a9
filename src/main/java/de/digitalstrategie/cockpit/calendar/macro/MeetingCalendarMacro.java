package de.digitalstrategie.cockpit.calendar.macro;

import com.atlassian.sal.api.user.UserManager;
import de.digitalstrategie.cockpit.calendar.CalendarLinks;
import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.macro.CockpitMacro;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.MacroRenderer;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.render.Texts;

import java.util.Optional;

/**
 * The "subscribe" line beside the meetings on a register or minutes page: the public calendar of
 * the body named by {@code body} (of all public bodies without it), as a {@code webcal:} link that
 * opens the reader's calendar program and as its https address; for a signed-in reader, the way to
 * a personal calendar with every meeting they may see. A body that is not public has no public
 * calendar, so only the personal way is offered.
 */
public class MeetingCalendarMacro extends CockpitMacro {
    private final CommitteeStore committee;
    private final CalendarLinks links;
    private final UserManager users;

    /** What templates/calendar/subscribe.vm shows; every value escaped, "" where there is none. */
    public record View(String labelHtml, String webcalHtml, String httpsHtml, String personalHtml) {
        public boolean hasPublicFeed() {
            return !webcalHtml.isEmpty();
        }

        public boolean hasPersonal() {
            return !personalHtml.isEmpty();
        }
    }

    public MeetingCalendarMacro(MacroRenderer renderer, CommitteeStore committee, CalendarLinks links,
                                UserManager users) {
        super(renderer);
        this.committee = committee;
        this.links = links;
        this.users = users;
    }

    @Override
    protected String render(MacroParameters p, String body, MacroRequest request) {
        Texts t = request.texts();
        Optional<String> key = p.text("body");
        Optional<Body> named = key.map(k -> committee.body(k)
                .orElseThrow(() -> ValidationException.of("cockpit.body.error.unknown", k)));
        boolean hasPublic = named.map(Body::isPublic)
                .orElseGet(() -> committee.bodies().stream().anyMatch(Body::isPublic));
        String feed = hasPublic ? links.publicFeed(named.map(Body::key).orElse(null)) : "";
        String label = named.map(b -> t.plain("cockpit.calendar.macro.body", b.name()))
                .orElseGet(() -> t.plain("cockpit.calendar.macro.all"));
        String personal = users.getRemoteUserKey() == null ? "" : links.page();
        return renderer.render("templates/calendar/subscribe.vm", request, new View(Html.text(label),
                feed.isEmpty() ? "" : Html.text(CalendarLinks.webcal(feed)), Html.text(feed), Html.text(personal)));
    }

    @Override
    public BodyType getBodyType() {
        return BodyType.NONE;
    }
}
