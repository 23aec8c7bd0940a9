package de.digitalstrategie.cockpit.publication.rest;

import com.atlassian.plugins.rest.api.security.annotation.AnonymousSiteAccess;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.templaterenderer.TemplateRenderer;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.jira.issue.IssueKey;
import de.digitalstrategie.cockpit.portfolio.history.store.ProjectHistory;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.publication.PublicLanguage;
import de.digitalstrategie.cockpit.publication.PublicationSettings;
import de.digitalstrategie.cockpit.render.RequestParameters;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.rest.ApiError;
import de.digitalstrategie.cockpit.rest.QueryParameters;
import de.digitalstrategie.cockpit.rest.RestJson;

import javax.inject.Inject;
import javax.ws.rs.GET;
import javax.ws.rs.OPTIONS;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The published project profiles, for anyone (the participation platform, its readers' browsers,
 * feed readers), read-only:
 * <ul>
 *   <li>{@code GET /public/projects}: every published project as JSON;</li>
 *   <li>{@code GET /public/projects/{key}}: one as JSON;</li>
 *   <li>{@code GET /public/projects/{key}/feed}: its status changes as an Atom feed;</li>
 *   <li>{@code GET /public/projects/{key}/profile}: its profile as a page of its own, to show in a
 *       frame or to fetch.</li>
 * </ul>
 * German unless {@code ?lang=en} or the reader's {@code Accept-Language} asks for English.
 * Conditional requests, caching and CORS: {@link Conditional}, {@link PublicCors}.
 *
 * <p>Whether a project is published is the only thing that decides what appears, for every caller
 * alike, signed in or not. A project that is not published answers exactly as one that does not
 * exist (the same 404, byte for byte, whatever the key), and no list, count or date anywhere
 * includes it: the list of projects has no Last-Modified, as its date would tell when a profile
 * was last withdrawn.
 */
@Path("/public/projects")
@AnonymousSiteAccess
public class PublicProjectResource {
    static final String JSON = "application/json;charset=UTF-8";
    static final String ATOM = "application/atom+xml;charset=UTF-8";
    static final String HTML = "text/html;charset=UTF-8";
    private static final Set<String> PARAMETERS = Set.of("lang");
    private final ProjectStore projects;
    private final ProjectHistory history;
    private final OrganisationStore organisation;
    private final PublicationSettings settings;
    private final TemplateRenderer templates;
    private final I18nResolver i18n;
    private final RequestParameters request;

    @Inject
    public PublicProjectResource(ProjectStore projects, ProjectHistory history, OrganisationStore organisation,
                                 PublicationSettings settings, TemplateRenderer templates, I18nResolver i18n,
                                 RequestParameters request) {
        this.projects = projects;
        this.history = history;
        this.organisation = organisation;
        this.settings = settings;
        this.templates = templates;
        this.i18n = i18n;
        this.request = request;
    }

    @GET
    public Response list(@Context UriInfo uri, @Context HttpHeaders headers) {
        PublicViews views = views(uri, headers);
        List<DigitalProject> published = projects.published();
        Map<String, Instant> changed = history.lastChanges(published.stream().map(DigitalProject::issueKey).toList());
        List<PublicProjectJson> list = published.stream()
                .map(p -> views.json(p, modified(p, Optional.ofNullable(changed.get(p.issueKey()))))).toList();
        return Conditional.answer(headers, Conditional.utf8(RestJson.write(new PublicProjectJson.ListJson(
                views.locale().getLanguage(), list))), JSON, null, Map.of());
    }

    @GET
    @Path("/{key}")
    public Response one(@PathParam("key") String key, @Context UriInfo uri, @Context HttpHeaders headers) {
        return ofPublished(key, uri, headers, (views, p, modified) -> Conditional.answer(headers,
                Conditional.utf8(RestJson.write(views.json(p, modified))), JSON, modified, Map.of()));
    }

    @GET
    @Path("/{key}/feed")
    public Response feed(@PathParam("key") String key, @Context UriInfo uri, @Context HttpHeaders headers) {
        return ofPublished(key, uri, headers, (views, p, modified) -> {
            String xml = new ProjectFeed(views, new PublicUrls(uri), settings.idNamespace(), settings.publisher())
                    .write(p, history.of(key, ProjectFeed.ENTRIES * 10), modified);
            return Conditional.answer(headers, Conditional.utf8(xml), ATOM, modified, Map.of());
        });
    }

    @GET
    @Path("/{key}/profile")
    public Response profile(@PathParam("key") String key, @Context UriInfo uri, @Context HttpHeaders headers) {
        return ofPublished(key, uri, headers, (views, p, modified) -> {
            StringWriter html = new StringWriter();
            try {
                templates.render("templates/public/profile.vm", Map.of("view", views.page(p, modified),
                        "i18n", views.texts()), html);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Only the page is meant for frames, and only on the sites the city names (PublicationSettings);
            // it runs no script and loads nothing but its own inline styles, whatever its texts hold.
            return Conditional.answer(headers, Conditional.utf8(html.toString()), HTML, modified, Map.of(
                    "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
                            + "form-action 'none'; frame-ancestors " + settings.frameAncestors(),
                    "Referrer-Policy", "no-referrer"));
        });
    }

    /** How one published project is answered, in the viewer's language, as of its last change. */
    @FunctionalInterface
    private interface Answer {
        Response of(PublicViews views, DigitalProject project, Instant modified);
    }

    /**
     * The answer for a published project, or the one 404 that unknown and unpublished keys share,
     * so no address tells the two apart.
     */
    private Response ofPublished(String key, UriInfo uri, HttpHeaders headers, Answer answer) {
        PublicViews views = views(uri, headers);
        Optional<DigitalProject> p = published(key);
        return p.isEmpty() ? notFound(views) : answer.of(views, p.get(), modified(p.get()));
    }

    /**
     * A browser's preflight before a script's conditional request (If-None-Match is not a simple
     * header): the same answer for every path, whichever project it names.
     */
    @OPTIONS
    public Response listPreflight() {
        return preflight();
    }

    @OPTIONS
    @Path("/{key}")
    public Response onePreflight() {
        return preflight();
    }

    @OPTIONS
    @Path("/{key}/feed")
    public Response feedPreflight() {
        return preflight();
    }

    @OPTIONS
    @Path("/{key}/profile")
    public Response profilePreflight() {
        return preflight();
    }

    private static Response preflight() {
        return Response.noContent()
                .header("Access-Control-Allow-Methods", PublicCors.ALLOWED_METHODS)
                .header("Access-Control-Allow-Headers", PublicCors.ALLOWED_HEADERS)
                .header("Access-Control-Max-Age", "86400")
                .header(HttpHeaders.CACHE_CONTROL, Conditional.CACHE_CONTROL)
                .build();
    }

    private Optional<DigitalProject> published(String key) {
        // Only the canonical spelling: "digi-1" is no address of DIGI-1, and no key is looked up twice.
        return IssueKey.isValid(key) ? projects.findPublished(key) : Optional.empty();
    }

    /** When what the project shows last changed: in Jira (any field), or in its history (a status, the publication). */
    private Instant modified(DigitalProject p) {
        return modified(p, history.lastChange(p.issueKey()));
    }

    /** The later of Jira's last update and the project's last recorded change. */
    private static Instant modified(DigitalProject p, Optional<Instant> lastChange) {
        Instant jira = p.updated();
        return lastChange.filter(h -> h.isAfter(jira)).orElse(jira);
    }

    private PublicViews views(UriInfo uri, HttpHeaders headers) {
        QueryParameters.of(uri, PARAMETERS);
        // The host's own request: REST hosts may take ?lang= for themselves before a resource sees it.
        Locale locale = PublicLanguage.of(request.first("lang").orElse(null),
                headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return new PublicViews(organisation, new Texts(i18n, locale), new PublicUrls(uri));
    }

    /** The one answer for every project that is not published, known or not. */
    private static Response notFound(PublicViews views) {
        String body = RestJson.write(new ApiError(404, "cockpit.public.error.not-found",
                views.texts().plain("cockpit.public.error.not-found")));
        return Response.status(404).type(JSON).entity(Conditional.utf8(body))
                .header(HttpHeaders.CACHE_CONTROL, Conditional.CACHE_CONTROL)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
