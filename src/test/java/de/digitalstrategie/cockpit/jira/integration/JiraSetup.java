package de.digitalstrategie.cockpit.jira.integration;

import de.digitalstrategie.cockpit.jira.settings.JiraSettings;
import de.digitalstrategie.cockpit.jira.settings.JiraSettingsStore;
import de.digitalstrategie.cockpit.jira.settings.ProfileField;
import de.digitalstrategie.cockpit.jira.provision.Provisioning;
import de.digitalstrategie.cockpit.sandbox.host.StorePluginSettings;
import de.digitalstrategie.cockpit.testing.jira.JiraFixture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** A Jira double set up as the cockpit expects it: project DIGI, provisioned, with settings pointing at it. */
final class JiraSetup {
    final JiraFixture fixture;
    final JiraSettingsStore settingsStore;

    JiraSetup() {
        this(new JiraSettingsStore(settingsOfTheirOwn()));
    }

    /** The same, with the settings in {@code settingsStore} (the plugin's, where its jobs read them). */
    JiraSetup(JiraSettingsStore settingsStore) {
        this.fixture = new JiraFixture();
        this.settingsStore = settingsStore;
        fixture.jira.createProject("DIGI", "Digitalisierung");
        settingsStore.save(fixture.jira.baseUrl().toString(), JiraFixture.TOKEN,
                "project = DIGI AND issuetype = \"Digitalprojekt\"", "DIGI");
    }

    private static StorePluginSettings settingsOfTheirOwn() {
        try {
            return new StorePluginSettings(Files.createTempDirectory("cockpit-settings").resolve("settings.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JiraSetup provisioned() {
        new Provisioning(fixture.client, settingsStore).run();
        return this;
    }

    JiraSettings settings() {
        return settingsStore.load();
    }

    /** The fields of a Digitalprojekt issue with a full profile, for issue number n. */
    Map<String, Object> profile(int n) {
        Map<ProfileField, String> ids = settings().fieldIds();
        Map<String, Object> f = new HashMap<>();
        f.put("summary", "Projekt " + n);
        f.put("description", "Beschreibung " + n);
        f.put(ids.get(ProfileField.BUDGET), 1000.5 + n);
        f.put(ids.get(ProfileField.FUNDING), 250);
        f.put(ids.get(ProfileField.PHASE), n % 2 == 0 ? "Umsetzung" : "planning");
        f.put(ids.get(ProfileField.HEALTH), n % 7 == 0 ? "rot" : "green");
        f.put(ids.get(ProfileField.FIELD_OF_ACTION), "3." + (1 + n % 6));
        f.put(ids.get(ProfileField.START), LocalDate.of(2025, 1, 1).toString());
        f.put(ids.get(ProfileField.END), LocalDate.of(2027, 12, 31).toString());
        return f;
    }

    void close() {
        fixture.close();
    }
}
