package de.digitalstrategie.cockpit.schema.upgrade;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.schema.CockpitSchema;

import java.time.LocalDate;

/**
 * Model version 2: the portfolio reads its figures summed per group ({@code PORTFOLIO_SUM}), which
 * every write of the mirror keeps. A mirror written before has none; this builds them from it, as
 * of the server's day (the day only sets how much a view corrects the overdue counts; any day is
 * correct). Active Objects runs upgrade tasks before it migrates the entities, so the task
 * migrates them itself first.
 */
public final class PortfolioSumsUpgrade implements ActiveObjectsUpgradeTask {
    @Override
    public ModelVersion getModelVersion() {
        return ModelVersion.valueOf("2");
    }

    @Override
    public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
        ao.migrate(CockpitSchema.entityArray());
        ProjectStore.rebuildSums(ao, LocalDate.now());
    }
}
