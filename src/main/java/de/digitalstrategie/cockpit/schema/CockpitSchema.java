package de.digitalstrategie.cockpit.schema;

import de.digitalstrategie.cockpit.advisory.store.AdvisoryInputEntity;
import de.digitalstrategie.cockpit.calendar.store.FeedTokenEntity;
import de.digitalstrategie.cockpit.register.store.AuditEntryEntity;
import de.digitalstrategie.cockpit.committee.store.AgendaItemEntity;
import de.digitalstrategie.cockpit.committee.store.BodyEntity;
import de.digitalstrategie.cockpit.committee.store.MeetingEntity;
import de.digitalstrategie.cockpit.committee.store.MemberEntity;
import de.digitalstrategie.cockpit.decision.store.DecisionEntity;
import de.digitalstrategie.cockpit.organisation.store.DepartmentEntity;
import de.digitalstrategie.cockpit.organisation.store.FieldOfActionEntity;
import de.digitalstrategie.cockpit.portfolio.history.store.ProjectChangeEntity;
import de.digitalstrategie.cockpit.portfolio.store.ProjectEntity;
import de.digitalstrategie.cockpit.reminder.store.ReminderSentEntity;
import de.digitalstrategie.cockpit.portfolio.store.PortfolioStampEntity;
import de.digitalstrategie.cockpit.portfolio.store.PortfolioSumEntity;
import de.digitalstrategie.cockpit.evidence.store.AcknowledgementEntity;
import de.digitalstrategie.cockpit.portfolio.store.ProjectDependencyEntity;
import de.digitalstrategie.cockpit.register.store.ProjectLinkEntity;
import de.digitalstrategie.cockpit.register.store.RecordLinkEntity;
import de.digitalstrategie.cockpit.jira.outbox.OutboxEntity;
import de.digitalstrategie.cockpit.oparl.PublishedObjectEntity;
import de.digitalstrategie.cockpit.jira.sync.SyncStateEntity;
import de.digitalstrategie.cockpit.minutes.sync.PendingPageEntity;
import de.digitalstrategie.cockpit.strategy.store.GoalEntity;
import de.digitalstrategie.cockpit.strategy.store.IndicatorEntity;
import de.digitalstrategie.cockpit.strategy.store.MeasurementEntity;
import de.digitalstrategie.cockpit.store.ChangeStampEntity;
import net.java.ao.RawEntity;

import java.util.List;

/**
 * The plugin's Active Objects schema: its namespace and every entity, exactly as the
 * {@code <ao>} module of atlassian-plugin.xml declares them (a test keeps the two in step).
 */
public final class CockpitSchema {
    /** Fixed forever: Active Objects derives the table prefix from it. */
    public static final String NAMESPACE = "de.digitalstrategie.cockpit";

    public static final List<Class<? extends RawEntity<?>>> ENTITIES = List.of(
            DepartmentEntity.class,
            FieldOfActionEntity.class,
            ProjectEntity.class,
            ProjectLinkEntity.class,
            PortfolioStampEntity.class,
            ProjectDependencyEntity.class,
            ProjectChangeEntity.class,
            BodyEntity.class,
            MemberEntity.class,
            MeetingEntity.class,
            AgendaItemEntity.class,
            DecisionEntity.class,
            AdvisoryInputEntity.class,
            AuditEntryEntity.class,
            PendingPageEntity.class,
            SyncStateEntity.class,
            OutboxEntity.class,
            PublishedObjectEntity.class,
            ReminderSentEntity.class,
            FeedTokenEntity.class,
            RecordLinkEntity.class,
            PortfolioSumEntity.class,
            // Reported status checked against the evidence: the staff unit's acknowledgements of flags
            AcknowledgementEntity.class,
            // Goals and indicators (strategy)
            GoalEntity.class,
            IndicatorEntity.class,
            MeasurementEntity.class,
            // Stamps of the organisation and of the mirror's Jira projects: what a node may keep
            ChangeStampEntity.class);

    private CockpitSchema() {
    }

    @SuppressWarnings("unchecked")
    public static Class<? extends RawEntity<?>>[] entityArray() {
        return ENTITIES.toArray(new Class[0]);
    }
}
