package de.digitalstrategie.cockpit.strategy.rest;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.message.LocaleResolver;
import de.digitalstrategie.cockpit.export.ExportFormat;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.rest.Downloads;
import de.digitalstrategie.cockpit.rest.QueryParameters;
import de.digitalstrategie.cockpit.strategy.achievement.Achievements;

import javax.inject.Inject;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The achievement of goals as a file: {@code GET /strategy/achievement/export?format=csv|xlsx}
 * with the macro's selection ({@code field}, {@code status}, {@code assessment}), as the caller may
 * see it. Like the portfolio's export it is refused (503, {@code Retry-After}) while Jira has not
 * answered which projects the caller may see: a file travels on without any notice, and a sum of a
 * goal's projects would be silently short.
 */
@Path("/strategy")
@Produces(MediaType.APPLICATION_JSON)
public class AchievementResource {
    static final Set<String> QUERY = Set.of("field", "status", "assessment", "format");

    private final Achievements achievements;
    private final OrganisationStore organisation;
    private final I18nResolver i18n;
    private final LocaleResolver locales;
    private final Clock clock;

    @Inject
    public AchievementResource(Achievements achievements, OrganisationStore organisation, I18nResolver i18n,
                               LocaleResolver locales, Clock clock) {
        this.achievements = achievements;
        this.organisation = organisation;
        this.i18n = i18n;
        this.locales = locales;
        this.clock = clock;
    }

    @GET
    @Path("/achievement/export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
    public Response export(@Context UriInfo uri) {
        MacroParameters p = QueryParameters.of(uri, QUERY);
        ExportFormat format = Downloads.format(p);
        LocalDate today = LocalDate.now(clock);
        Achievements.Result result = achievements.of(Achievements.Selection.of(p), today);
        result.visibility().completeProjects();
        Locale locale = locales.getLocale();
        Texts t = new Texts(i18n, locale);
        Map<String, String> fields = new LinkedHashMap<>();
        organisation.fieldsOfAction().forEach(f -> fields.put(f.key(), f.name(locale)));
        return Downloads.of(AchievementExport.table(t, fields, result.goals()), format, locale,
                t.plain("cockpit.strategy.heading"), today);
    }
}
