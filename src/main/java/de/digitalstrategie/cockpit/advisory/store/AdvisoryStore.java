package de.digitalstrategie.cockpit.advisory.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.advisory.AdvisoryCriteria;
import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AdvisoryParameters;
import de.digitalstrategie.cockpit.advisory.AdvisorySort;
import de.digitalstrategie.cockpit.advisory.AnswerChange;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.advisory.AnswerWorkflow;
import de.digitalstrategie.cockpit.advisory.CityAnswer;
import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.lock.ClusterLocks;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.query.Criteria;
import de.digitalstrategie.cockpit.query.SearchText;
import de.digitalstrategie.cockpit.register.PageEdit;
import de.digitalstrategie.cockpit.register.PageMacro;
import de.digitalstrategie.cockpit.register.RecordKind;
import de.digitalstrategie.cockpit.register.RecordListener;
import de.digitalstrategie.cockpit.register.store.AuditLog;
import de.digitalstrategie.cockpit.register.store.ProjectLinks;
import de.digitalstrategie.cockpit.register.store.RecordStore;
import net.java.ao.DBParam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static de.digitalstrategie.cockpit.store.StoredDates.toDate;
import static de.digitalstrategie.cockpit.store.StoredDates.toDay;

/**
 * The register of advisory input: the register of every kind, with the input's sectors and the
 * city's answer, which changes only through {@link AnswerWorkflow} and ends with the board being told.
 */
public class AdvisoryStore extends RecordStore<AdvisoryInput, AnswerStatus, AnswerChange, AdvisoryCriteria,
        AdvisorySort, AdvisoryInputEntity> {

    public AdvisoryStore(ActiveObjects ao, ProjectLinks links, AuditLog audit, Clock clock, RecordListener listener,
                         ClusterLocks locks) {
        super(new Mapping<>(RecordKind.ADVISORY_INPUT, AdvisoryInputEntity.class,
                new Column<>(AdvisoryInputEntity.INPUT_NUMBER, AdvisoryInputEntity::getInputNumber),
                new Column<>(AdvisoryInputEntity.ANSWER_STATUS, AdvisoryInputEntity::getAnswerStatus),
                new Column<>(AdvisoryInputEntity.RECEIVED_ON, AdvisoryInputEntity::getReceivedOn),
                AnswerWorkflow.WORKFLOW, Map.of(
                AdvisorySort.NUMBER, AdvisoryInputEntity.INPUT_NUMBER, AdvisorySort.RECEIVED,
                AdvisoryInputEntity.RECEIVED_ON, AdvisorySort.TITLE, AdvisoryInputEntity.TITLE, AdvisorySort.STATUS,
                AdvisoryInputEntity.ANSWER_STATUS), "cockpit.advisory.error.unknown",
                "cockpit.sync.error.no-role.advisory"), ao, links, audit, clock, listener, locks);
    }

    /**
     * Moves the city's answer on, if the workflow allows it. The text given becomes the answer
     * (or the reason for declining); the day of the change becomes the answer's date.
     */
    public AdvisoryInput changeAnswer(long id, AnswerStatus to, String actor, String text) {
        return change(id, current -> new AnswerChange(current, to, actor, text));
    }

    /** Notes that the board has been told what became of its input; needs an answer to tell. */
    public AdvisoryInput reportToBoard(long id, LocalDate on, String actor) {
        return modify(id, (e, current) -> {
            if (!current.status().answered()) {
                throw ValidationException.of("cockpit.advisory.error.report-before-answer", current.status().label());
            }
            reported(e, current, on, actor);
        });
    }

    private void reported(AdvisoryInputEntity e, AdvisoryInput current, LocalDate on, String actor) {
        CityAnswer old = current.answer();
        write(e, new CityAnswer(old.status(), old.text(), old.owner(), old.answeredOn(), on));
        e.save();
        audit(e, old.status().name(), old.status().name(), "reported to board " + on, actor);
        changed(e);
    }

    /** What the register's text filter searches: title, number and topic. */
    public static String searchText(String title, String number, String topic) {
        return SearchText.of(title, number, topic);
    }

    @Override
    public PageEdit<AdvisoryInput> fromPage(MacroParameters parameters, PageMacro macro) {
        return macro.edit(AdvisoryParameters.read(parameters).toInput(macro.macroId(), macro.text(), macro.meetingId(),
                macro.meetingDate(), macro.page()), null);
    }

    @Override
    protected AdvisoryInput toRecord(AdvisoryInputEntity e, List<String> projectKeys) {
        CityAnswer answer = new CityAnswer(AnswerStatus.valueOf(e.getAnswerStatus()), e.getAnswerText(),
                e.getAnswerOwner(), toDay(e.getAnsweredOn()), toDay(e.getReportedOn()));
        return new AdvisoryInput(e.getID(), e.getMacroId(), e.getInputNumber(), e.getTitle(), e.getRecommendation(),
                e.getTopic(), Sector.parseList(e.getSectors()), e.getMeetingId(), projectKeys, toDay(e.getReceivedOn()),
                answer, new PageRef(e.getPageId(), e.getPageVersion(), e.getSpaceKey(), e.getPageTitle()),
                e.isWithdrawn(), e.isPublished());
    }

    @Override
    protected List<DBParam> required(AdvisoryInput input) {
        return List.of(new DBParam(AdvisoryInputEntity.SECTORS, sectors(input)),
                new DBParam(AdvisoryInputEntity.RECEIVED_ON, toDate(input.receivedOn())));
    }

    @Override
    protected void created(AdvisoryInputEntity e, AdvisoryInput input) {
        write(e, input.answer());
    }

    @Override
    protected void write(AdvisoryInputEntity e, AdvisoryInput input, LocalDate date) {
        e.setInputNumber(input.number());
        e.setRecommendation(input.recommendation());
        e.setTopic(input.topic());
        e.setSectors(sectors(input));
        e.setReceivedOn(toDate(input.receivedOn()));
    }

    private static void write(AdvisoryInputEntity e, CityAnswer answer) {
        e.setAnswerStatus(answer.status().name());
        e.setAnswerText(answer.text());
        e.setAnswerOwner(answer.owner());
        e.setAnsweredOn(toDate(answer.answeredOn()));
        e.setReportedOn(toDate(answer.reportedToBoardOn()));
    }

    @Override
    protected void apply(AdvisoryInputEntity e, AnswerChange change) {
        CityAnswer old = change.current().answer();
        AnswerStatus to = change.to();
        write(e, new CityAnswer(to, change.effectiveText(), old.owner().isEmpty() ? change.actor() : old.owner(),
                to.answered() && old.answeredOn() == null ? LocalDate.now(clock) : old.answeredOn(),
                old.reportedToBoardOn()));
    }

    @Override
    protected String searchText(AdvisoryInput input) {
        return searchText(input.title(), input.number(), input.topic());
    }

    @Override
    protected void criteria(AdvisoryCriteria criteria, Criteria where) {
        if (criteria.unanswered()) {
            where.in(AdvisoryInputEntity.ANSWER_STATUS, List.of(AnswerStatus.RECEIVED.name(),
                    AnswerStatus.UNDER_REVIEW.name()));
        }
        if (criteria.awaitingReport()) {
            where.in(AdvisoryInputEntity.ANSWER_STATUS, Arrays.stream(AnswerStatus.values())
                    .filter(AnswerStatus::answered).map(Enum::name).toList());
            where.isNull(AdvisoryInputEntity.REPORTED_ON);
        }
        if (criteria.sector() != null) {
            // Sectors are stored as a sorted, comma-separated list of enum names.
            where.raw(AdvisoryInputEntity.SECTORS + " LIKE ?", "%" + criteria.sector().name() + "%");
        }
    }

    @Override
    protected AdvisoryInput asFound(AdvisoryInput i, AdvisoryInput stored) {
        return i.withAnswer(stored == null ? CityAnswer.RECEIVED : stored.answer());
    }

    @Override
    protected AnswerChange claim(AdvisoryInput current, AdvisoryInput fromPage, String actor) {
        return new AnswerChange(current, fromPage.status(), actor, fromPage.answer().text());
    }

    /** Telling the board is a step of the answer like its status (over REST too): the role's alone. */
    @Override
    protected void afterPageEdit(AdvisoryInputEntity e, AdvisoryInput current, AdvisoryInput fromPage, String actor) {
        LocalDate reported = fromPage.answer().reportedToBoardOn();
        if (reported != null && current.answer().reportedToBoardOn() == null) {
            reported(e, current, reported, actor);
        }
    }

    private static String sectors(AdvisoryInput input) {
        return input.sectors().stream().sorted().map(Sector::name).collect(Collectors.joining(","));
    }
}
