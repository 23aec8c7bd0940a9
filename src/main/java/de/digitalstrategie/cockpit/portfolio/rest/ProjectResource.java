package de.digitalstrategie.cockpit.portfolio.rest;

import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.access.ProjectAccess;
import de.digitalstrategie.cockpit.access.Visibility;
import de.digitalstrategie.cockpit.advisory.AdvisoryFilter;
import de.digitalstrategie.cockpit.advisory.AdvisorySort;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.decision.DecisionFilter;
import de.digitalstrategie.cockpit.decision.DecisionSort;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.NotFoundException;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Grouping;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.jira.issue.IssueKey;
import de.digitalstrategie.cockpit.jira.issue.JiraLinks;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.PortfolioFilter;
import de.digitalstrategie.cockpit.portfolio.PortfolioSort;
import de.digitalstrategie.cockpit.portfolio.PortfolioSummary;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.store.PortfolioView;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.query.PageRequest;
import de.digitalstrategie.cockpit.query.ResultPage;
import de.digitalstrategie.cockpit.query.SortOrder;
import de.digitalstrategie.cockpit.rest.QueryParameters;
import de.digitalstrategie.cockpit.rest.RestJson;

import javax.inject.Inject;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The portfolio over REST: the macro's query (filters, grouping, sorting, paging, sums) and one
 * project with the decisions and input concerning it, limited to what the caller may see.
 *
 * <p>While Jira has not yet answered which of some Jira projects the caller may browse
 * ({@link Visibility#unchecked()}), the query answers with what is known and says how much is
 * missing ({@code incomplete}), as the portfolio page says it in a notice; one project it cannot
 * show yet and the export are refused with 503 and {@code Retry-After}: a file travels on without
 * any notice, and a sum over it would be silently short.
 */
@Path("/projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource {
    static final Set<String> QUERY = Set.of("field", "department", "phase", "status", "health", "text", "group",
            "sort", "order", "page", "page-size");
    private final ProjectStore projects;
    private final OrganisationStore organisation;
    private final DecisionStore decisions;
    private final AdvisoryStore advisory;
    private final CommitteeStore committee;
    private final ProjectAccess projectAccess;
    private final PageAccess pageAccess;
    private final JiraLinks jira;
    private final Clock clock;
    private final com.atlassian.sal.api.message.I18nResolver i18n;
    private final com.atlassian.sal.api.message.LocaleResolver locales;

    /**
     * The portfolio's answer: the page of projects, the sums per group and in total, and how many
     * Jira projects are left out of both because Jira has not yet answered whether the caller may
     * browse them (0: complete; otherwise ask again in a few seconds).
     */
    public record PortfolioJson(ResultPage<ProjectJson> projects, PortfolioSummary summary, int incomplete) {
    }

    /** One project and the decision and input numbers that concern it. */
    public record ProfileJson(ProjectJson project, List<String> decisions, List<String> advisoryInputs) {
    }

    @Inject
    public ProjectResource(ProjectStore projects, OrganisationStore organisation, DecisionStore decisions,
                           AdvisoryStore advisory, CommitteeStore committee, ProjectAccess projectAccess,
                           PageAccess pageAccess, JiraLinks jira, Clock clock,
                           com.atlassian.sal.api.message.I18nResolver i18n,
                           com.atlassian.sal.api.message.LocaleResolver locales) {
        this.i18n = i18n;
        this.locales = locales;
        this.projects = projects;
        this.organisation = organisation;
        this.decisions = decisions;
        this.advisory = advisory;
        this.committee = committee;
        this.projectAccess = projectAccess;
        this.pageAccess = pageAccess;
        this.jira = jira;
        this.clock = clock;
    }

    /** The filter of a portfolio query, read from request or macro parameters. */
    public static PortfolioFilter filter(MacroParameters p) {
        return new PortfolioFilter(new LinkedHashSet<>(p.list("field")), new LinkedHashSet<>(p.list("department")),
                Set.copyOf(p.choices("phase", Phase.class)), Set.copyOf(p.choices("status", ProjectStatus.class)),
                Set.copyOf(p.choices("health", Health.class)), p.text("text").orElse(null));
    }

    @GET
    public Response query(@Context UriInfo uri) {
        MacroParameters p = QueryParameters.of(uri, QUERY);
        Grouping grouping = p.choice("group", Grouping.class).orElse(Grouping.NONE);
        PortfolioSort sort = p.choice("sort", PortfolioSort.class).orElse(PortfolioSort.KEY);
        SortOrder order = p.choice("order", SortOrder.class).orElse(SortOrder.ASC);
        int size = p.number("page-size", 25, 1, PageRequest.MAX_LIMIT);
        int number = p.number("page", 1, 1, 1_000_000);
        LocalDate today = LocalDate.now(clock);
        List<String> groupOrder = switch (grouping) {
            case FIELD -> organisation.fieldsOfAction().stream().map(f -> f.key()).toList();
            case PHASE -> Arrays.stream(Phase.values()).map(Enum::name).toList();
            default -> List.of();
        };
        Visibility visibility = projectAccess.visibility();
        PortfolioView view = projects.query(filter(p), grouping, sort, order, PageRequest.page(number, size),
                visibility.projects(), today, groupOrder);
        List<ProjectJson> items = view.page().items().stream()
                .map(pr -> ProjectJson.of(pr, today, jira.issueUrl(pr.issueKey()).orElse(null))).toList();
        return RestJson.ok(new PortfolioJson(new ResultPage<>(items, view.page().total(), view.page().offset(),
                view.page().limit()), view.summary(), visibility.unchecked()));
    }

    /** The selected projects as CSV or XLSX (?format=csv|xlsx), with the same filters as the query. */
    @GET
    @Path("/export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
    public Response export(@Context UriInfo uri) {
        java.util.Set<String> known = new java.util.HashSet<>(QUERY);
        known.add("format");
        MacroParameters p = QueryParameters.of(uri, known);
        de.digitalstrategie.cockpit.export.ExportFormat format = de.digitalstrategie.cockpit.rest.Downloads.format(p);
        PortfolioFilter filter = filter(p);
        Set<String> visible = projectAccess.visibility().completeProjects();
        de.digitalstrategie.cockpit.render.Texts t = new de.digitalstrategie.cockpit.render.Texts(i18n,
                locales.getLocale());
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        organisation.fieldsOfAction().forEach(f -> fields.put(f.key(), f.name(locales.getLocale())));
        java.util.Map<String, String> departments = new java.util.HashMap<>();
        organisation.departments().forEach(d -> departments.put(d.key(), d.name()));
        LocalDate today = LocalDate.now(clock);
        return de.digitalstrategie.cockpit.rest.Downloads.of(PortfolioExport.table(t, fields, departments, today,
                each -> projects.forEach(filter, visible, each)), format, locales.getLocale(),
                t.plain("cockpit.portfolio.heading"), today);
    }

    @GET
    @Path("/{key}")
    public Response one(@PathParam("key") String key) {
        String upper = key.toUpperCase(Locale.ROOT);
        if (!IssueKey.isValid(upper)) {
            // No project can have such a key, whatever Jira answers.
            throw NotFoundException.of("cockpit.project.error.unknown", key);
        }
        // Unknown and invisible are the same answer: no way to probe for projects one may not see.
        Visibility visibility = projectAccess.visibility();
        DigitalProject p = projects.find(upper)
                .filter(found -> visibility.projects().contains(IssueKey.projectOf(found.issueKey())))
                .orElseThrow(() -> visibility.notShown(key));
        var viewable = pageAccess.viewable(committee.minutesPageIds());
        List<String> decisionNumbers = decisions.query(new DecisionFilter(null, null, Set.of(), upper, null, null, false),
                DecisionSort.NUMBER, SortOrder.ASC, new PageRequest(0, PageRequest.MAX_LIMIT), viewable).page().items()
                .stream().map(d -> d.number()).toList();
        List<String> inputNumbers = advisory.query(new AdvisoryFilter(null, null, Set.of(), null, upper, null, false,
                        false, false), AdvisorySort.NUMBER, SortOrder.ASC, new PageRequest(0, PageRequest.MAX_LIMIT),
                viewable).page().items().stream().map(i -> i.number()).toList();
        return RestJson.ok(new ProfileJson(ProjectJson.of(p, LocalDate.now(clock), jira.issueUrl(upper).orElse(null)),
                decisionNumbers, inputNumbers));
    }
}
