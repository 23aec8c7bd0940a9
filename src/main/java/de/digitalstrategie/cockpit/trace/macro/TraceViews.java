package de.digitalstrategie.cockpit.trace.macro;

import de.digitalstrategie.cockpit.access.Visibility;
import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.jira.issue.IssueKey;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.render.PageLinks;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.trace.Filed;
import de.digitalstrategie.cockpit.trace.InputTrace;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns traces into what the trace's templates show, every value escaped: one input with its
 * answer, the decisions that took it up with their state and projects, and how many days each step
 * took (input → answer → decision → done). Written once for the trace of one input and the
 * board's view of a meeting.
 */
public class TraceViews {
    private final ProjectStore projects;
    private final PageLinks pageLinks;

    public TraceViews(ProjectStore projects, PageLinks pageLinks) {
        this.projects = projects;
        this.pageLinks = pageLinks;
    }

    /** A project a decision concerns, with its state. */
    public record ProjectView(String keyHtml, String titleHtml, String healthHtml, String phaseHtml,
                              String statusHtml) {
    }

    /** A decision that took the input up. */
    public record DecisionView(String numberHtml, String titleHtml, String urlHtml, String dateHtml,
                               DecisionStates.State state, List<ProjectView> projects) {
        /** For the template: Confluence 9 lets it call no JDK method, not even a list's isEmpty(). */
        public boolean hasProjects() {
            return !projects.isEmpty();
        }
    }

    /**
     * One step of the trace and how long it took.
     *
     * @param reached whether it has been reached; if not, {@code daysHtml} says for how long it is open
     */
    public record Step(String labelHtml, String daysHtml, boolean reached) {
    }

    /** One input and what became of it. */
    public record InputView(String idHtml, String numberHtml, String titleHtml, String urlHtml, String receivedHtml,
                            String answerStatusHtml, String answerClassHtml, String answerHtml,
                            List<DecisionView> decisions, List<Step> steps) {
        /** For the template: Confluence 9 lets it call no JDK method, not even a list's isEmpty(). */
        public boolean hasDecisions() {
            return !decisions.isEmpty();
        }
    }

    public InputView view(InputTrace trace, Visibility visibility, MacroRequest request) {
        Texts t = request.texts();
        AdvisoryInput input = trace.input();
        List<DecisionView> decisions = new ArrayList<>();
        for (Filed<Decision> filed : trace.decisions()) {
            Decision d = filed.record();
            List<ProjectView> concerned = new ArrayList<>();
            for (String key : d.projectKeys()) {
                // A project the viewer may not see is not named, as in the portfolio.
                Optional<DigitalProject> project = visibility.projects().contains(IssueKey.projectOf(key))
                        ? projects.find(key) : Optional.empty();
                project.ifPresent(p -> concerned.add(new ProjectView(Html.text(p.issueKey()), Html.text(p.title()),
                        t.html(p.health()), t.html(p.phase()), t.html(p.status()))));
            }
            decisions.add(new DecisionView(Html.text(d.number()), Html.text(d.title()), url(d.page().exists(),
                    d.page().pageId()), Html.text(request.formats().date(filed.on())), DecisionStates.of(d, t),
                    concerned));
        }
        return new InputView(Html.text("trace-" + input.number().toLowerCase(Locale.ROOT)), Html.text(input.number()),
                Html.text(input.title()), url(input.page().exists(), input.page().pageId()),
                Html.text(request.formats().date(input.receivedOn())), t.html(input.answer().status()),
                Html.text(input.status().lozenge()), Html.text(input.answer().text()), decisions,
                steps(trace, request));
    }

    /**
     * Input → answer → decision → done: each step counts from the one before it; a step not
     * reached yet shows as open with the days so far, one whose step before is not reached either
     * as not begun. The decision step is reached by the first decision taken; the last step once
     * every decision taken is done.
     */
    static List<Step> steps(InputTrace trace, MacroRequest request) {
        Texts t = request.texts();
        LocalDate today = request.today();
        AdvisoryInput input = trace.input();
        LocalDate received = input.receivedOn();
        LocalDate answered = input.status().answered() ? Optional.ofNullable(input.answer().answeredOn())
                .orElse(received) : null;
        List<Filed<Decision>> taken = trace.decisions().stream().filter(d -> taken(d.record().status())).toList();
        LocalDate decided = taken.stream().map(Filed::on).filter(d -> d != null).min(LocalDate::compareTo)
                .orElse(null);
        boolean allDone = !taken.isEmpty() && taken.stream().allMatch(d -> DecisionStates.doneOn(d.record(), trace)
                .isPresent());
        LocalDate done = !allDone ? null : taken.stream().map(d -> DecisionStates.doneOn(d.record(), trace)
                .orElseThrow())
                .max(LocalDate::compareTo).orElseThrow();
        LocalDate sinceAnswer = answered != null ? answered : received;
        return List.of(step(t, "cockpit.trace.step.answer", received, answered, today),
                step(t, "cockpit.trace.step.decision", sinceAnswer, decided, today),
                step(t, "cockpit.trace.step.done", decided, done, today));
    }

    private static Step step(Texts t, String labelKey, LocalDate from, LocalDate reached, LocalDate today) {
        String label = Html.text(t.plain(labelKey));
        if (from == null) {
            return new Step(label, Html.text(t.plain("cockpit.trace.step.not-begun")), false);
        }
        if (reached != null) {
            return new Step(label, Html.text(t.plain("cockpit.trace.step.took", days(from, reached))), true);
        }
        return new Step(label, Html.text(t.plain("cockpit.trace.step.open", days(from, today))), false);
    }

    /** Decided at some point: in force, or since replaced or revoked. */
    private static boolean taken(DecisionStatus status) {
        return status.inForce() || status == DecisionStatus.SUPERSEDED || status == DecisionStatus.REVOKED;
    }

    private static long days(LocalDate from, LocalDate to) {
        return Math.max(0, ChronoUnit.DAYS.between(from, to));
    }

    private String url(boolean exists, long pageId) {
        return exists ? Html.url(pageLinks.page(pageId)) : "";
    }
}
