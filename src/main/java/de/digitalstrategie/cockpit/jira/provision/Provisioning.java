package de.digitalstrategie.cockpit.jira.provision;

import de.digitalstrategie.cockpit.jira.JiraSettingsStore;
import de.digitalstrategie.cockpit.jira.ProfileField;
import de.digitalstrategie.cockpit.jira.client.JiraClient;
import de.digitalstrategie.cockpit.jira.client.JiraException;
import de.digitalstrategie.cockpit.jira.client.JiraField;
import de.digitalstrategie.cockpit.jira.client.JiraIssueType;
import de.digitalstrategie.cockpit.jira.client.JiraLinkType;
import de.digitalstrategie.cockpit.jira.provision.ProvisioningReport.Item;
import de.digitalstrategie.cockpit.jira.provision.ProvisioningReport.Outcome;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sets Jira up for the cockpit, creating only what is missing: the issue types, the profile's
 * custom fields and the link types. Running it twice changes nothing; what Jira refuses (missing
 * admin rights, say) is reported, and everything else still goes ahead.
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
        return new ProvisioningReport(items);
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
