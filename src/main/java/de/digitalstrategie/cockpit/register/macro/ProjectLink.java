package de.digitalstrategie.cockpit.register.macro;

import de.digitalstrategie.cockpit.jira.issue.JiraLinks;
import de.digitalstrategie.cockpit.render.Html;

import java.util.List;

/** A project a record concerns, linked to its issue where Jira is connected. */
public record ProjectLink(String keyHtml, String urlHtml) {

    public static List<ProjectLink> of(List<String> keys, JiraLinks jira) {
        return keys.stream().map(k -> new ProjectLink(Html.text(k), jira.issueUrl(k).map(Html::url).orElse("")))
                .toList();
    }
}
