package com.atlassian.activeobjects.external;

/**
 * Stand-in for Active Objects' upgrade task interface, declared with the real package, name and
 * signatures. Source: activeobjects-plugin 2.0.1 javadoc and source, interface
 * {@code com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask} (declared in the plugin's
 * {@code <ao>} module as {@code <upgradeTask>}; run before the entities are migrated, each once,
 * in model-version order). Compiled for the build and the tests, never packaged.
 */
public interface ActiveObjectsUpgradeTask {
    ModelVersion getModelVersion();

    void upgrade(ModelVersion currentVersion, ActiveObjects ao);
}
