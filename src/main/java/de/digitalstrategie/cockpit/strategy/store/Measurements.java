package de.digitalstrategie.cockpit.strategy.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.lock.ClusterLocks;
import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.query.Criteria;
import de.digitalstrategie.cockpit.strategy.Indicator;
import de.digitalstrategie.cockpit.strategy.Measurement;
import de.digitalstrategie.cockpit.strategy.MeasurementCsv;
import de.digitalstrategie.cockpit.strategy.MeasurementsRefused;
import de.digitalstrategie.cockpit.strategy.RowProblem;
import de.digitalstrategie.cockpit.strategy.Values;
import net.java.ao.DBParam;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static de.digitalstrategie.cockpit.store.StoredDates.toDate;
import static de.digitalstrategie.cockpit.store.StoredDates.toDay;
import static de.digitalstrategie.cockpit.store.StoredDates.toInstant;

/**
 * The values measured for indicators. Read only for indicators the viewer was given (their reads
 * filter by page, see {@link Indicators}), so a value is seen exactly where its indicator is.
 * Written under one cluster lock and in one transaction per call, so that at most one value per
 * indicator and day is ever stored, and a file of values is stored whole or not at all.
 */
public class Measurements {
    /** Values are entered by people, rarely at once: one lock for all of them keeps the rule simple. */
    private static final String LOCK = ClusterLocks.stripe("measurement", "all");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int BATCH = 500;
    private final ActiveObjects ao;
    private final ClusterLocks locks;

    public Measurements(ActiveObjects ao, ClusterLocks locks) {
        this.ao = ao;
        this.locks = locks;
    }

    /** One line of a file of values: the value and the line it came from. */
    public record Row(int line, Measurement measurement) {
    }

    /**
     * The values of these indicators, by key, each indicator's oldest first; an indicator without
     * values has an empty list.
     */
    public Map<String, List<Measurement>> of(Collection<Indicator> indicators) {
        Map<String, List<Measurement>> found = new LinkedHashMap<>();
        indicators.forEach(i -> found.put(i.key(), new ArrayList<>()));
        List<String> keys = List.copyOf(found.keySet());
        for (int from = 0; from < keys.size(); from += BATCH) {
            Criteria criteria = new Criteria().in(MeasurementEntity.INDICATOR_KEY,
                    keys.subList(from, Math.min(keys.size(), from + BATCH)));
            ao.stream(MeasurementEntity.class, criteria.query("*").order(MeasurementEntity.MEASURED_ON),
                    e -> found.get(e.getIndicatorKey()).add(toMeasurement(e)));
        }
        found.values().forEach(list -> list.sort(Comparator.comparing(Measurement::date)));
        return found;
    }

    /**
     * Stores one value; refuses a second value for the same indicator and day.
     *
     * @throws ValidationException naming the indicator and the day already measured
     */
    public Measurement record(Measurement value) {
        try {
            return recordAll(List.of(new Row(0, value))).get(0);
        } catch (MeasurementsRefused refused) {
            throw new ValidationException(refused.problems().get(0).reason());
        }
    }

    /**
     * Stores all the rows or none: checked against the values already stored within the same lock
     * and transaction as the write, so a value stored meanwhile cannot slip in twice.
     *
     * @throws MeasurementsRefused naming each row whose indicator and day are already measured
     */
    public List<Measurement> recordAll(List<Row> rows) {
        return recordAll(rows, List.of());
    }

    /**
     * A file of values, stored whole or not at all: refused with the problems its reading found and
     * every row already measured, in line order, if there is any.
     *
     * @throws MeasurementsRefused naming every bad line
     */
    public List<Measurement> recordFile(MeasurementCsv.Parsed file) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < file.values().size(); i++) {
            rows.add(new Row(file.lines().get(i), file.values().get(i)));
        }
        return recordAll(rows, file.problems());
    }

    private List<Measurement> recordAll(List<Row> rows, List<RowProblem> found) {
        if (rows.isEmpty() && found.isEmpty()) {
            return List.of();
        }
        return locks.runWaiting(LOCK, WAIT, () -> ao.executeInTransaction(() -> {
            Set<String> stored = measuredDays(rows.stream().map(r -> r.measurement().indicatorKey()).toList());
            List<RowProblem> problems = new ArrayList<>(found);
            for (Row row : rows) {
                Measurement m = row.measurement();
                if (stored.contains(dayKey(m.indicatorKey(), m.date()))) {
                    problems.add(new RowProblem(row.line(), Message.of("cockpit.measurement.error.duplicate",
                            m.indicatorKey(), m.date().toString())));
                }
            }
            if (!problems.isEmpty()) {
                problems.sort(Comparator.comparingInt(RowProblem::line));
                throw new MeasurementsRefused(problems);
            }
            List<Measurement> written = new ArrayList<>();
            for (Row row : rows) {
                Measurement m = row.measurement();
                ao.create(MeasurementEntity.class,
                        new DBParam(MeasurementEntity.INDICATOR_KEY, m.indicatorKey()),
                        new DBParam(MeasurementEntity.MEASURED_ON, toDate(m.date())),
                        new DBParam(MeasurementEntity.MEASURED_VALUE, Values.stored(m.value())),
                        new DBParam("VALUE_SOURCE", m.source()),
                        new DBParam("REMARK", m.comment()),
                        new DBParam(MeasurementEntity.RECORDED_BY, m.recordedBy()),
                        new DBParam(MeasurementEntity.RECORDED_AT, toDate(m.recordedAt())));
                written.add(m);
            }
            return written;
        }));
    }

    /** How many values are stored in all: for counts. */
    public int count() {
        return ao.count(MeasurementEntity.class);
    }

    /** The indicator and day of every value stored for these indicators. */
    private Set<String> measuredDays(Collection<String> indicatorKeys) {
        Set<String> days = new HashSet<>();
        List<String> keys = List.copyOf(new LinkedHashSet<>(indicatorKeys));
        for (int from = 0; from < keys.size(); from += BATCH) {
            Criteria criteria = new Criteria().in(MeasurementEntity.INDICATOR_KEY,
                    keys.subList(from, Math.min(keys.size(), from + BATCH)));
            ao.stream(MeasurementEntity.class, criteria.query("ID, " + MeasurementEntity.INDICATOR_KEY + ", "
                    + MeasurementEntity.MEASURED_ON), e -> days.add(dayKey(e.getIndicatorKey(), toDay(e.getMeasuredOn()))));
        }
        return days;
    }

    private static String dayKey(String indicatorKey, LocalDate day) {
        return indicatorKey + "|" + day;
    }

    private static Measurement toMeasurement(MeasurementEntity e) {
        return new Measurement(e.getIndicatorKey(), new BigDecimal(e.getMeasuredValue()), toDay(e.getMeasuredOn()),
                e.getValueSource(), e.getRemark(), e.getRecordedBy(), toInstant(e.getRecordedAt()));
    }
}
