package de.digitalstrategie.cockpit.sandbox.host;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The host's {@link PluginSettingsFactory}: string settings kept in a properties file beside the
 * sandbox's database, so configuration survives a restart as it does in Confluence.
 */
public final class StorePluginSettings implements PluginSettingsFactory {
    private final Path file;
    private final Properties values = new Properties();

    public StorePluginSettings(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public PluginSettings createSettingsForKey(String key) {
        return new Scoped(key + ".");
    }

    @Override
    public PluginSettings createGlobalSettings() {
        return new Scoped("");
    }

    private synchronized void persist() {
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                values.store(w, "Digitalstrategie-Cockpit sandbox settings");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class Scoped implements PluginSettings {
        private final String prefix;

        Scoped(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Object get(String key) {
            synchronized (StorePluginSettings.this) {
                return values.getProperty(prefix + key);
            }
        }

        @Override
        public Object put(String key, Object value) {
            if (value != null && !(value instanceof String)) {
                throw new IllegalArgumentException("The sandbox keeps String settings only: " + key);
            }
            synchronized (StorePluginSettings.this) {
                Object old = value == null ? values.remove(prefix + key) : values.setProperty(prefix + key, (String) value);
                persist();
                return old;
            }
        }

        @Override
        public Object remove(String key) {
            return put(key, null);
        }
    }
}
