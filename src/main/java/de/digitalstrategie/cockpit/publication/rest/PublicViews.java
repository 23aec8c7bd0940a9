package de.digitalstrategie.cockpit.publication.rest;

import de.digitalstrategie.cockpit.message.Labelled;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.publication.rest.PublicProjectJson.Coded;
import de.digitalstrategie.cockpit.publication.rest.PublicProjectJson.Named;
import de.digitalstrategie.cockpit.render.Formats;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.Texts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a published project shows, in one language: the JSON and the embeddable page are made
 * here from the same values, so the two always say the same.
 */
final class PublicViews {
    private final OrganisationStore organisation;
    private final Texts t;
    private final Formats f;
    private final PublicUrls urls;

    /** One line of the profile: a label and its value, both escaped. */
    public record Fact(String labelHtml, String valueHtml) {
    }

    /**
     * What templates/public/profile.vm shows, every value escaped.
     *
     * @param facts the short facts (status, phase, health, field, unit, responsible, time frame, money)
     * @param texts the Steckbrief's texts, each under its heading
     */
    public record Page(String languageHtml, String keyHtml, String titleHtml, String healthHtml,
                       String healthClassHtml, List<Fact> facts, List<Fact> texts,
                       String modifiedHtml, String modifiedIsoHtml, String feedUrlHtml, String jsonUrlHtml) {
    }

    PublicViews(OrganisationStore organisation, Texts texts, PublicUrls urls) {
        this.organisation = organisation;
        this.t = texts;
        this.f = new Formats(texts.locale());
        this.urls = urls;
    }

    Locale locale() {
        return t.locale();
    }

    Texts texts() {
        return t;
    }

    Formats formats() {
        return f;
    }

    PublicProjectJson json(DigitalProject p, Instant modified) {
        ProjectProfile profile = p.profile();
        return new PublicProjectJson(p.issueKey(), p.title(), coded(p.status()), coded(p.phase()), coded(p.health()),
                field(p), department(p), profile.description(), profile.goals(), profile.participants(),
                profile.owners(), profile.risks(), profile.fundingSource(), p.timeFrame().start(),
                p.timeFrame().end(), p.budgetCents(), p.fundingCents(), modified,
                new PublicProjectJson.Links(urls.project(p.issueKey()), urls.profile(p.issueKey()),
                        urls.feed(p.issueKey())));
    }

    Page page(DigitalProject p, Instant modified) {
        ProjectProfile profile = p.profile();
        List<Fact> facts = new ArrayList<>();
        fact(facts, "cockpit.project.status", t.plain(p.status()));
        fact(facts, "cockpit.project.phase", t.plain(p.phase()));
        fact(facts, "cockpit.project.health", t.plain(p.health()));
        Named field = field(p);
        fact(facts, "cockpit.project.field", field == null ? "" : field.name());
        Named department = department(p);
        fact(facts, "cockpit.project.department", department == null ? "" : department.name());
        fact(facts, "cockpit.project.owners", profile.owners());
        fact(facts, "cockpit.project.time-frame", timeFrame(p.timeFrame().start(), p.timeFrame().end()));
        fact(facts, "cockpit.portfolio.column.budget", f.money(p.budgetCents()));
        fact(facts, "cockpit.portfolio.column.funding", f.money(p.fundingCents()));
        fact(facts, "cockpit.project.funding-source", profile.fundingSource());
        List<Fact> texts = new ArrayList<>();
        fact(texts, "cockpit.project.description", profile.description());
        fact(texts, "cockpit.project.goals", profile.goals());
        fact(texts, "cockpit.project.participants", profile.participants());
        fact(texts, "cockpit.project.risks", profile.risks());
        LocalDate day = modified == null ? null : modified.atZone(java.time.ZoneId.of("Europe/Berlin")).toLocalDate();
        return new Page(t.languageHtml(), Html.text(p.issueKey()), Html.text(p.title()), t.html(p.health()),
                Html.text(p.health().name().toLowerCase(Locale.ROOT)), facts, texts,
                Html.text(f.date(day)), Html.text(day == null ? "" : day.toString()),
                Html.url(urls.feed(p.issueKey())), Html.url(urls.project(p.issueKey())));
    }

    /** A time frame as the profile says it; an open end is said, not left blank. */
    String timeFrame(LocalDate start, LocalDate end) {
        return t.plain("cockpit.project.time-frame.value", day(start), day(end));
    }

    String day(LocalDate day) {
        return day == null ? t.plain("cockpit.public.open") : f.date(day);
    }

    private Coded coded(Labelled value) {
        return new Coded(value.name(), t.plain(value));
    }

    private Named field(DigitalProject p) {
        return p.fieldOfActionKey() == null ? null : new Named(p.fieldOfActionKey(), organisation
                .fieldOfAction(p.fieldOfActionKey()).map(fa -> fa.name(t.locale())).orElse(p.fieldOfActionKey()));
    }

    private Named department(DigitalProject p) {
        return p.departmentKey() == null ? null : new Named(p.departmentKey(), organisation
                .department(p.departmentKey()).map(d -> d.name()).orElse(p.departmentKey()));
    }

    private void fact(List<Fact> facts, String labelKey, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new Fact(Html.text(t.plain(labelKey)), Html.text(value)));
        }
    }
}
