package de.digitalstrategie.cockpit.jira.provision;

import de.digitalstrategie.cockpit.jira.settings.JiraSettings;
import de.digitalstrategie.cockpit.jira.settings.JiraSettingsStore;
import de.digitalstrategie.cockpit.jira.settings.ProfileField;
import de.digitalstrategie.cockpit.jira.client.JiraClient;
import de.digitalstrategie.cockpit.jira.client.JiraException;
import de.digitalstrategie.cockpit.jira.client.JiraField;
import de.digitalstrategie.cockpit.jira.client.JiraIssueType;
import de.digitalstrategie.cockpit.jira.client.JiraIssueTypeScheme;
import de.digitalstrategie.cockpit.jira.client.JiraLinkType;
import de.digitalstrategie.cockpit.jira.provision.ProvisioningReport.Item;
import de.digitalstrategie.cockpit.jira.provision.ProvisioningReport.Outcome;
import de.digitalstrategie.cockpit.message.Message;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets Jira up for the cockpit, creating only what is missing: the issue types, the profile's
 * custom fields and the link types. Running it twice changes nothing; what Jira refuses (missing
 * admin rights, say) is reported, and everything else still goes ahead.
 *
 * <p>A new issue type joins only Jira's default issue type scheme, so a project with a scheme of
 * its own does not offer it, and Jira refuses an issue of that type there ("The issue type
 * selected is invalid."). Setup therefore makes each type usable where the cockpit needs it: the
 * decision and input types in the target project, the project type in the projects the JQL
 * names. It asks Jira which types a project offers (its create metadata), adds what is missing to
 * the project's issue type scheme (PUT /issuetypescheme/{id}, the scheme found through its
 * project associations) and asks again; whatever is still missing is named, project by project,
 * before any delivery fails on it.
 */
public final class Provisioning {
    public static final String PROJECT_TYPE = "Digitalprojekt";
    public static final String DECISION_TYPE = "Lenkungskreis-Beschluss";
    public static final String INPUT_TYPE = "Beiratsempfehlung";
    public static final String DECISION_LINK = "Beschluss betrifft Projekt";
    public static final String INPUT_LINK = "Empfehlung betrifft Projekt";

    private static final Map<String, String> ISSUE_TYPES = Map.of(
            PROJECT_TYPE, "Digitalprojekt der Digitalstrategie (Projektsteckbrief)",
            DECISION_TYPE, "Beschluss des Lenkungskreises Digitalstrategie",
            INPUT_TYPE, "Empfehlung des Beirats Digitalstrategie");

    private final JiraClient jira;
    private final JiraSettingsStore settings;

    public Provisioning(JiraClient jira, JiraSettingsStore settings) {
        this.jira = jira;
        this.settings = settings;
    }

    public ProvisioningReport run() {
        List<Item> items = new ArrayList<>();
        issueTypes(items);
        Map<ProfileField, String> ids = fields(items);
        settings.saveFieldIds(ids);
        linkTypes(items);
        usableInProjects(items);
        return new ProvisioningReport(items);
    }

    /**
     * Which of the cockpit's issue types each project must offer: the decision and input types
     * the target project, where the outbox creates issues; the project type the projects named
     * by the JQL (as far as it names them plainly), where the portfolio's issues live.
     */
    public static Map<String, List<String>> neededTypes(JiraSettings settings) {
        Map<String, List<String>> needed = new LinkedHashMap<>();
        needed.computeIfAbsent(settings.targetProject(), k -> new ArrayList<>()).addAll(List.of(DECISION_TYPE,
                INPUT_TYPE));
        for (String project : projectsNamedIn(settings.projectJql())) {
            needed.computeIfAbsent(project, k -> new ArrayList<>()).add(0, PROJECT_TYPE);
        }
        return needed;
    }

    private static final Pattern PROJECT_CLAUSE = Pattern.compile(
            "(?i)\\bproject\\s*(?:=\\s*\"?([A-Za-z][A-Za-z0-9_]*)\"?|in\\s*\\(([^)]*)\\))");

    /** The project keys of "project = KEY" and "project in (A, B)" clauses. */
    static List<String> projectsNamedIn(String jql) {
        List<String> keys = new ArrayList<>();
        Matcher m = PROJECT_CLAUSE.matcher(jql == null ? "" : jql);
        while (m.find()) {
            String named = m.group(1) != null ? m.group(1) : m.group(2);
            for (String key : named.split(",")) {
                String k = key.strip().replace("\"", "").toUpperCase(Locale.ROOT);
                if (k.matches("[A-Z][A-Z0-9_]*") && !keys.contains(k)) {
                    keys.add(k);
                }
            }
        }
        return keys;
    }

    private void usableInProjects(List<Item> items) {
        List<JiraIssueTypeScheme> schemes = null;
        for (Map.Entry<String, List<String>> e : neededTypes(settings.load()).entrySet()) {
            String project = e.getKey();
            List<String> missing;
            try {
                missing = missing(project, e.getValue());
            } catch (JiraException failure) {
                for (String type : e.getValue()) {
                    items.add(new Item("project-issuetype", type + " @ " + project, Outcome.FAILED,
                            Message.of("cockpit.admin.provision.type-not-checked", project, type), failure.userMessage()));
                }
                continue;
            }
            for (String type : e.getValue()) {
                if (!missing.contains(type)) {
                    items.add(new Item("project-issuetype", type + " @ " + project, Outcome.FOUND,
                            Message.of("cockpit.admin.provision.type-in-project", project, type), null));
                }
            }
            if (missing.isEmpty()) {
                continue;
            }
            String schemeName = "";
            Message problem = null;
            try {
                schemes = schemes == null ? jira.issueTypeSchemes() : schemes;
                Optional<JiraIssueTypeScheme> scheme = schemeOf(project, schemes);
                if (scheme.isPresent()) {
                    schemeName = scheme.get().name();
                    List<String> ids = new ArrayList<>(scheme.get().issueTypes().stream().map(JiraIssueType::id)
                            .toList());
                    List<JiraIssueType> all = jira.issueTypes();
                    for (String type : missing) {
                        all.stream().filter(t -> t.name().equalsIgnoreCase(type)).findFirst()
                                .map(JiraIssueType::id).filter(id -> !ids.contains(id)).ifPresent(ids::add);
                    }
                    jira.setIssueTypes(scheme.get(), ids);
                    schemes = null;
                }
                List<String> stillMissing = missing(project, missing);
                for (String type : missing) {
                    if (!stillMissing.contains(type)) {
                        items.add(new Item("project-issuetype", type + " @ " + project, Outcome.CREATED,
                                Message.of("cockpit.admin.provision.type-added", project, type, schemeName), null));
                    }
                }
                missing = stillMissing;
            } catch (JiraException failure) {
                problem = failure.userMessage();
            }
            for (String type : missing) {
                items.add(new Item("project-issuetype", type + " @ " + project, Outcome.FAILED,
                        Message.of("cockpit.jira.check.type-not-in-project", project, type), problem));
            }
        }
    }

    /** Which of these types the project does not offer (by its create metadata). */
    private List<String> missing(String project, List<String> types) {
        List<JiraIssueType> offered = jira.creatableIssueTypes(project);
        return types.stream().filter(type -> offered.stream().noneMatch(t -> t.name().equalsIgnoreCase(type)))
                .toList();
    }

    /**
     * The scheme a project is associated with; empty when it is on none, i.e. on the default
     * scheme (Jira's v2 scheme list does not say which one is the default).
     */
    private Optional<JiraIssueTypeScheme> schemeOf(String project, List<JiraIssueTypeScheme> schemes) {
        for (JiraIssueTypeScheme scheme : schemes) {
            if (jira.issueTypeSchemeProjects(scheme.id()).stream().anyMatch(key -> key.equalsIgnoreCase(project))) {
                return Optional.of(scheme);
            }
        }
        return Optional.empty();
    }

    private void issueTypes(List<Item> items) {
        List<JiraIssueType> existing;
        try {
            existing = jira.issueTypes();
        } catch (JiraException e) {
            ISSUE_TYPES.keySet().stream().sorted().forEach(n -> items.add(new Item("issuetype", n, Outcome.FAILED,
                    e.userMessage())));
            return;
        }
        for (String name : ISSUE_TYPES.keySet().stream().sorted().toList()) {
            if (existing.stream().anyMatch(t -> t.name().equalsIgnoreCase(name))) {
                items.add(new Item("issuetype", name, Outcome.FOUND, null));
                continue;
            }
            try {
                jira.createIssueType(name, ISSUE_TYPES.get(name));
                items.add(new Item("issuetype", name, Outcome.CREATED, null));
            } catch (JiraException e) {
                items.add(new Item("issuetype", name, Outcome.FAILED, e.userMessage()));
            }
        }
    }

    private Map<ProfileField, String> fields(List<Item> items) {
        Map<ProfileField, String> ids = new EnumMap<>(ProfileField.class);
        List<JiraField> existing;
        try {
            existing = jira.fields();
        } catch (JiraException e) {
            for (ProfileField f : ProfileField.values()) {
                items.add(new Item("field", f.jiraName(), Outcome.FAILED, e.userMessage()));
            }
            return ids;
        }
        for (ProfileField f : ProfileField.values()) {
            Optional<JiraField> found = existing.stream()
                    .filter(j -> j.custom() && j.name().equalsIgnoreCase(f.jiraName())).findFirst();
            if (found.isPresent()) {
                ids.put(f, found.get().id());
                items.add(new Item("field", f.jiraName(), Outcome.FOUND, null));
                continue;
            }
            try {
                JiraField created = jira.createCustomField(f.jiraName(), "Digitalstrategie-Cockpit: Projektsteckbrief",
                        f.type(), f.searcher());
                ids.put(f, created.id());
                items.add(new Item("field", f.jiraName(), Outcome.CREATED, null));
            } catch (JiraException e) {
                items.add(new Item("field", f.jiraName(), Outcome.FAILED, e.userMessage()));
            }
        }
        return ids;
    }

    private void linkTypes(List<Item> items) {
        List<JiraLinkType> existing;
        try {
            existing = jira.linkTypes();
        } catch (JiraException e) {
            items.add(new Item("linktype", DECISION_LINK, Outcome.FAILED, e.userMessage()));
            items.add(new Item("linktype", INPUT_LINK, Outcome.FAILED, e.userMessage()));
            return;
        }
        for (String name : List.of(DECISION_LINK, INPUT_LINK)) {
            if (existing.stream().anyMatch(t -> t.name().equalsIgnoreCase(name))) {
                items.add(new Item("linktype", name, Outcome.FOUND, null));
                continue;
            }
            try {
                jira.createLinkType(name, "ist betroffen von", "betrifft");
                items.add(new Item("linktype", name, Outcome.CREATED, null));
            } catch (JiraException e) {
                items.add(new Item("linktype", name, Outcome.FAILED, e.userMessage()));
            }
        }
    }
}
