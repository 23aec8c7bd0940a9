package de.digitalstrategie.cockpit.sandbox.ao;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;
import net.java.ao.DatabaseProvider;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;

/**
 * Active Objects' upgrade tasks as the AO plugin runs them: the {@code <upgradeTask>} classes of
 * the plugin's {@code <ao>} module (read from atlassian-plugin.xml, as AO reads the module), each
 * whose model version is newer than the one stored for the table prefix, in version order, the
 * stored version raised after each; a task that throws stops the rest and is tried again next
 * time. Sources: activeobjects-plugin 2.0.1, {@code ActiveObjectUpgradeManagerImpl} and its test
 * (two tasks of one version are refused); developer.atlassian.com, "Upgrading your plugin and
 * handling data model updates" (tasks run before the entities are migrated).
 *
 * <p>AO keeps the version in the host's plugin settings; the host here keeps it in a table of its
 * own beside the plugin's, outside the prefix, so migrations never see it.
 */
final class UpgradeTasks {
    private static final String TABLE = "SANDBOX_AO_MODEL_VERSION";

    private final DatabaseProvider provider;
    private final ForkSql sql;
    private final String prefix;

    UpgradeTasks(DatabaseProvider provider, ForkSql sql, String prefix) {
        this.provider = provider;
        this.sql = sql;
        this.prefix = prefix;
    }

    /** The upgrade tasks the descriptor declares for the {@code <ao>} module of this namespace, by version. */
    static List<ActiveObjectsUpgradeTask> declaredFor(String namespace) {
        List<ActiveObjectsUpgradeTask> tasks = new ArrayList<>();
        try {
            Enumeration<URL> descriptors = UpgradeTasks.class.getClassLoader().getResources("atlassian-plugin.xml");
            while (descriptors.hasMoreElements()) {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                try (InputStream in = descriptors.nextElement().openStream()) {
                    NodeList modules = factory.newDocumentBuilder().parse(in).getElementsByTagName("ao");
                    for (int i = 0; i < modules.getLength(); i++) {
                        Element module = (Element) modules.item(i);
                        if (!namespace.equals(module.getAttribute("namespace"))) {
                            continue;
                        }
                        NodeList declared = module.getElementsByTagName("upgradeTask");
                        for (int j = 0; j < declared.getLength(); j++) {
                            String name = declared.item(j).getTextContent().trim();
                            tasks.add(Class.forName(name).asSubclass(ActiveObjectsUpgradeTask.class)
                                    .getDeclaredConstructor().newInstance());
                        }
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the <ao> module's upgrade tasks", e);
        }
        tasks.sort(Comparator.comparing(ActiveObjectsUpgradeTask::getModelVersion));
        for (int i = 1; i < tasks.size(); i++) {
            if (tasks.get(i).getModelVersion().isSame(tasks.get(i - 1).getModelVersion())) {
                throw new IllegalStateException("Two upgrade tasks for model version " + tasks.get(i).getModelVersion());
            }
        }
        return List.copyOf(tasks);
    }

    void run(List<ActiveObjectsUpgradeTask> tasks, ActiveObjects ao) {
        if (tasks.isEmpty()) {
            return;
        }
        ModelVersion current = current();
        for (ActiveObjectsUpgradeTask task : tasks) {
            if (task.getModelVersion().isNewerThan(current)) {
                task.upgrade(current, ao);
                current = task.getModelVersion();
                store(current);
            }
        }
    }

    private String table() {
        return sql.withSchema(TABLE);
    }

    private ModelVersion current() {
        try {
            Connection c = provider.getConnection();
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS " + table() + " (" + sql.processID("TABLE_PREFIX")
                        + " VARCHAR(32) PRIMARY KEY, " + sql.processID("MODEL_VERSION") + " VARCHAR(16) NOT NULL)");
            }
            try (PreparedStatement s = c.prepareStatement("SELECT " + sql.processID("MODEL_VERSION") + " FROM "
                    + table() + " WHERE " + sql.processID("TABLE_PREFIX") + " = ?")) {
                s.setString(1, prefix);
                try (ResultSet r = s.executeQuery()) {
                    return ModelVersion.valueOf(r.next() ? r.getString(1) : null);
                }
            } finally {
                c.close();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the model version", e);
        }
    }

    private void store(ModelVersion version) {
        try {
            Connection c = provider.getConnection();
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table() + " WHERE "
                    + sql.processID("TABLE_PREFIX") + " = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO " + table() + " ("
                         + sql.processID("TABLE_PREFIX") + ", " + sql.processID("MODEL_VERSION") + ") VALUES (?, ?)")) {
                delete.setString(1, prefix);
                delete.executeUpdate();
                insert.setString(1, prefix);
                insert.setString(2, version.toString());
                insert.executeUpdate();
            } finally {
                c.close();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot store the model version", e);
        }
    }
}
