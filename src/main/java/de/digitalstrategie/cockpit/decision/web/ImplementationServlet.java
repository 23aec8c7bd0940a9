package de.digitalstrategie.cockpit.decision.web;

import com.atlassian.sal.api.user.UserManager;
import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.ImplementationState;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.message.Text;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.render.PageLinks;
import de.digitalstrategie.cockpit.web.FormPost;
import de.digitalstrategie.cockpit.web.FormTokens;
import de.digitalstrategie.cockpit.workflow.IllegalTransitionException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Takes the implementation form of the decision register and the decision macro
 * ({@code ImplementationControl}): sets how far a decision in force has been carried out, then sends
 * the browser back to the page the form was on, with a notice for the form. The decision is named
 * in the address, so who asks is checked before a byte of the form is read (signed in, the decision
 * visible to them, the unit responsible for it or the committee's CDO or secretary), then SAL's
 * XSRF token; the change goes through the same store call as the REST path and lands in the
 * decision's audit trail.
 */
public class ImplementationServlet extends FormPost<Long> {
    /** Where the servlet module mounts it, under {@code /plugins/servlet}. */
    public static final String PATH = "/plugins/servlet/cockpit/decision-implementation";
    /** The address parameter naming the decision (its id), read without reading the form. */
    public static final String DECISION = "decision";
    /** The parameters of the notice the page shows after the redirect. */
    public static final String NOTICE = "cockpit-implementation";
    public static final String NOTICE_DECISION = "cockpit-implemented";
    private static final int MAX_COMMENT = 2000;
    /**
     * The register's own parameters ({@code instance.name=value}, encoded): nothing that could leave
     * the page's query or stand for one of the page's own parameters.
     */
    private static final Pattern SELECTION = Pattern.compile(
            "(?:[A-Za-z0-9_-]{1,60}\\.[A-Za-z0-9_-]{1,40}=[A-Za-z0-9%._~+*-]{0,400}(?:&|$)){1,20}(?<!&)");
    private final transient Roles roles;
    private final transient DecisionStore decisions;
    private final transient CommitteeStore committee;
    private final transient PageAccess pages;
    private final transient PageLinks links;

    /** What became of a sent form, as the notice on the page names it. */
    public enum Outcome {
        SAVED, CONFLICT, INVALID;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<Outcome> of(String code) {
            return Arrays.stream(values()).filter(o -> o.code().equals(code)).findFirst();
        }
    }

    public ImplementationServlet(UserManager users, Roles roles, DecisionStore decisions, CommitteeStore committee,
                                 PageAccess pages, FormTokens tokens, PageLinks links) {
        super(users, tokens);
        this.roles = roles;
        this.decisions = decisions;
        this.committee = committee;
        this.pages = pages;
        this.links = links;
    }

    @Override
    protected Admission<Long> admit(HttpServletRequest request, String actor) {
        long id = number(fromAddress(request, DECISION));
        // A decision the viewer may not see answers like one that does not exist.
        Optional<Decision> decision = id <= 0 ? Optional.empty() : decisions.one(id,
                pages.viewable(committee.minutesPageIds())).map(p -> p.page().items().get(0));
        if (decision.isEmpty()) {
            return Admission.notFound();
        }
        return roles.mayImplement(actor, decision.get().owner()) ? Admission.of(id) : Admission.forbidden();
    }

    @Override
    protected Answer take(HttpServletRequest request, String actor, Long id) {
        Outcome outcome;
        try {
            // What the REST path checks and calls, in the same order: one way to set it.
            decisions.setImplementation(id, ImplementationState.parse(request.getParameter("state")),
                    actor, Text.optional(request.getParameter("comment"), "cockpit.rest.field.comment", MAX_COMMENT));
            outcome = Outcome.SAVED;
        } catch (ValidationException e) {
            outcome = Outcome.INVALID;
        } catch (IllegalTransitionException e) {
            outcome = Outcome.CONFLICT;
        }
        long pageId = pageId(request);
        if (pageId <= 0) {
            return Answer.status(outcome == Outcome.SAVED ? HttpServletResponse.SC_NO_CONTENT
                    : outcome == Outcome.CONFLICT ? HttpServletResponse.SC_CONFLICT
                    : HttpServletResponse.SC_BAD_REQUEST);
        }
        // Back to the form, with the register's own selection: the same rows, the notice in sight.
        Back back = new Back(links.page(pageId));
        String selection = request.getParameter("selection");
        if (selection != null && selection.length() <= 4000 && SELECTION.matcher(selection).matches()) {
            back.query(selection);
        }
        return back.notice(NOTICE, outcome.code()).notice(NOTICE_DECISION, Long.toString(id))
                .anchor(request.getParameter("anchor")).answer();
    }
}
