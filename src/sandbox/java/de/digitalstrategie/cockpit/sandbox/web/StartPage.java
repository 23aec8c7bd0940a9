package de.digitalstrategie.cockpit.sandbox.web;

import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.organisation.FieldOfAction;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.jira.issue.IssueKey;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.host.DemoUserManager.DemoUser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The start page's view: what the sandbox holds, built once per request, read by the template. */
public final class StartPage {

    public record Count(String label, int value) {
    }

    public record Row(String key, String title, Message field, Message phase, Message health) {
    }

    public record MeetingRow(String body, String number, String title, String date) {
    }

    public record User(String key, String name, boolean current) {
    }

    public record Link(long id, String title) {
    }

    private final List<Count> fieldCounts = new ArrayList<>();
    private final List<Count> statusCounts = new ArrayList<>();
    private final List<MeetingRow> meetings = new ArrayList<>();
    private final List<User> users = new ArrayList<>();
    private final List<Link> minutes = new ArrayList<>();
    private final List<Body> bodies;
    private final int projectCount;
    private final int departmentCount;
    private final int decisionCount;
    private final int inputCount;
    private final String viewer;

    StartPage(Sandbox sandbox, Locale locale, DemoUser viewer) {
        // Counted as the portfolio counts them: only the projects the viewer may see.
        Set<String> visibleJiraProjects = sandbox.projectAccess.visibility().projects();
        List<DigitalProject> projects = sandbox.projects.all().stream()
                .filter(p -> visibleJiraProjects.contains(IssueKey.projectOf(p.issueKey()))).toList();
        Map<String, Long> perField = projects.stream()
                .collect(Collectors.groupingBy(DigitalProject::fieldOfActionKey, Collectors.counting()));
        for (FieldOfAction field : sandbox.organisation.fieldsOfAction()) {
            fieldCounts.add(new Count(field.name(locale), perField.getOrDefault(field.key(), 0L).intValue()));
        }
        // What the start page lists and counts, the viewer may see: a meeting whose minutes are
        // restricted, and the decisions and input recorded on them, stay out, as in the registers.
        // (A meeting without minutes yet has no page to restrict it. Each page is looked up once.)
        Map<Long, Boolean> checked = new java.util.HashMap<>();
        java.util.function.LongPredicate viewable = pageId -> checked.computeIfAbsent(pageId, id -> sandbox.pages
                .find(id).map(p -> sandbox.permissions.hasPermission(viewer,
                        com.atlassian.confluence.security.Permission.VIEW, p)).orElse(true));
        List<de.digitalstrategie.cockpit.decision.Decision> decisions = sandbox.decisions.all().stream()
                .filter(d -> viewable.test(d.page().pageId())).toList();
        Map<DecisionStatus, Integer> byStatus = new java.util.EnumMap<>(DecisionStatus.class);
        for (DecisionStatus status : DecisionStatus.values()) {
            byStatus.put(status, (int) decisions.stream().filter(d -> d.status() == status).count());
        }
        this.bodies = sandbox.committee.bodies();
        for (Body body : bodies) {
            for (Meeting m : sandbox.committee.meetings(body.key())) {
                if (!viewable.test(m.pageId())) {
                    continue;
                }
                meetings.add(new MeetingRow(body.name(), m.number(), m.title(), m.date().toString()));
            }
        }
        byStatus.forEach((status, n) -> statusCounts.add(new Count(status.name(), n)));
        sandbox.users.users().forEach(u -> users.add(new User(u.key(), u.fullName(),
                viewer != null && viewer.key().equals(u.key()))));
        sandbox.pages.all().stream()
                .filter(p -> "minutes".equals(p.kind()) && sandbox.permissions.hasPermission(viewer,
                        com.atlassian.confluence.security.Permission.VIEW, p))
                .forEach(p -> minutes.add(new Link(p.getId(), p.getTitle())));
        this.projectCount = projects.size();
        this.departmentCount = sandbox.organisation.countDepartments();
        this.decisionCount = decisions.size();
        this.inputCount = (int) sandbox.advisory.all().stream().filter(i -> viewable.test(i.page().pageId())).count();
        this.viewer = viewer == null ? "" : viewer.fullName();
    }

    public List<Count> getFieldCounts() {
        return fieldCounts;
    }

    public List<Count> getStatusCounts() {
        return statusCounts;
    }

    public Message statusLabel(String status) {
        return DecisionStatus.valueOf(status).label();
    }

    public List<Link> getMinutes() {
        return minutes;
    }

    public Message blueprintLabel(String kind) {
        return Message.of("cockpit.blueprint." + kind + ".name");
    }

    public List<MeetingRow> getMeetings() {
        return meetings;
    }

    public List<User> getUsers() {
        return users;
    }

    public int getProjectCount() {
        return projectCount;
    }

    public int getDepartmentCount() {
        return departmentCount;
    }

    public int getDecisionCount() {
        return decisionCount;
    }

    public int getInputCount() {
        return inputCount;
    }

    public int getBodyCount() {
        return bodies.size();
    }

    public String getViewer() {
        return viewer;
    }
}
