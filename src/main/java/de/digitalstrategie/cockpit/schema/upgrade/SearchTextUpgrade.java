package de.digitalstrategie.cockpit.schema.upgrade;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryInputEntity;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.decision.store.DecisionEntity;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.portfolio.store.ProjectEntity;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.query.SearchText;
import de.digitalstrategie.cockpit.schema.CockpitSchema;
import net.java.ao.Entity;
import net.java.ao.Query;

import java.util.function.Consumer;

/**
 * Model version 1: the registers' text filters search a lower-cased column of their own
 * ({@link SearchText}). Records written before it have none; this fills it in, a batch at a
 * time. Active Objects runs upgrade tasks before it migrates the entities, so the task migrates
 * them itself first (the current entities: the column it fills is theirs).
 */
public final class SearchTextUpgrade implements ActiveObjectsUpgradeTask {
    private static final int BATCH = 500;
    private static final String EMPTY = SearchText.COLUMN + " IS NULL";

    @Override
    public ModelVersion getModelVersion() {
        return ModelVersion.valueOf("1");
    }

    @Override
    public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
        ao.migrate(CockpitSchema.entityArray());
        fill(ao, ProjectEntity.class, "ID, ISSUE_KEY, TITLE, OWNERS",
                e -> e.setSearchText(ProjectStore.searchText(e.getTitle(), e.getIssueKey(), e.getOwners())));
        fill(ao, DecisionEntity.class, "ID, DECISION_NUMBER, TITLE",
                e -> e.setSearchText(DecisionStore.searchText(e.getTitle(), e.getDecisionNumber())));
        fill(ao, AdvisoryInputEntity.class, "ID, INPUT_NUMBER, TITLE, TOPIC",
                e -> e.setSearchText(AdvisoryStore.searchText(e.getTitle(), e.getInputNumber(), e.getTopic())));
    }

    private static <T extends Entity> void fill(ActiveObjects ao, Class<T> type, String columns, Consumer<T> write) {
        while (true) {
            int written = ao.executeInTransaction(() -> {
                T[] batch = ao.find(type, Query.select(columns).where(EMPTY).order("ID").limit(BATCH));
                for (T e : batch) {
                    write.accept(e);
                    e.save();
                }
                return batch.length;
            });
            if (written < BATCH) {
                return;
            }
        }
    }
}
