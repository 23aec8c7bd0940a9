package de.digitalstrategie.cockpit.evidence.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.evidence.Acknowledgement;
import de.digitalstrategie.cockpit.evidence.Rule;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static de.digitalstrategie.cockpit.store.StoredDates.toInstant;

/** The staff unit's acknowledgements of flags. Append-only: who acknowledged what, and when, stays. */
public class Acknowledgements {
    private static final String COLUMNS = String.join(", ", "ID", AcknowledgementEntity.RULE,
            AcknowledgementEntity.ISSUE_KEY, AcknowledgementEntity.OCCURRENCE, AcknowledgementEntity.ACK_COMMENT,
            AcknowledgementEntity.ACTOR, AcknowledgementEntity.ACKED_AT);
    private final ActiveObjects ao;
    private final Clock clock;

    public Acknowledgements(ActiveObjects ao, Clock clock) {
        this.ao = ao;
        this.clock = clock;
    }

    /** Records an acknowledgement; the caller has checked the role, the token and that the flag is open. */
    public Acknowledgement acknowledge(Rule rule, String issueKey, String occurrence, String comment, String actor) {
        Acknowledgement a = new Acknowledgement(rule, issueKey, occurrence, comment, actor, clock.instant());
        ao.executeInTransaction(() -> {
            ao.create(AcknowledgementEntity.class,
                    new DBParam(AcknowledgementEntity.RULE, rule.name()),
                    new DBParam(AcknowledgementEntity.ISSUE_KEY, issueKey),
                    // Empty text is null on some databases: an occurrence without a mark is kept as "-".
                    new DBParam(AcknowledgementEntity.OCCURRENCE, a.occurrence().isEmpty() ? "-" : a.occurrence()),
                    new DBParam(AcknowledgementEntity.ACK_COMMENT, a.comment()),
                    new DBParam(AcknowledgementEntity.ACTOR, actor),
                    new DBParam(AcknowledgementEntity.ACKED_AT, Date.from(a.at())));
            return null;
        });
        return a;
    }

    /** Every acknowledgement, oldest first (one query: few rows, one per look the staff unit took). */
    public List<Acknowledgement> all() {
        return read(Query.select(COLUMNS).order("ID"));
    }

    /** The acknowledgements of these projects, oldest first: what a page of the portfolio shows. */
    public List<Acknowledgement> of(java.util.Collection<String> issueKeys) {
        if (issueKeys.isEmpty()) {
            return List.of();
        }
        return read(Query.select(COLUMNS).where(AcknowledgementEntity.ISSUE_KEY + " IN ("
                + String.join(", ", java.util.Collections.nCopies(issueKeys.size(), "?")) + ")",
                issueKeys.toArray()).order("ID"));
    }

    private List<Acknowledgement> read(Query query) {
        List<Acknowledgement> all = new ArrayList<>();
        ao.stream(AcknowledgementEntity.class, query, e -> {
            String occurrence = "-".equals(e.getOccurrence()) || e.getOccurrence() == null ? "" : e.getOccurrence();
            all.add(new Acknowledgement(Rule.valueOf(e.getRule()), e.getIssueKey(), occurrence, e.getAckComment(),
                    e.getActor(), toInstant(e.getAckedAt())));
        });
        return all;
    }
}
