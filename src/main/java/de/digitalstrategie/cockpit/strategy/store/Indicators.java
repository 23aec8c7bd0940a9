package de.digitalstrategie.cockpit.strategy.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.query.Criteria;
import de.digitalstrategie.cockpit.strategy.Direction;
import de.digitalstrategie.cockpit.strategy.Indicator;
import de.digitalstrategie.cockpit.strategy.Rhythm;
import de.digitalstrategie.cockpit.strategy.Values;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static de.digitalstrategie.cockpit.store.StoredDates.toDate;
import static de.digitalstrategie.cockpit.store.StoredDates.toDay;

/**
 * The indicators and their cards, as their macros on the goals' pages declare them. Every read
 * takes the pages the viewer may see and returns only indicators declared on one of them (named
 * exactly, so an indicator on a page nobody checked is never shown); withdrawn ones are left out.
 */
public class Indicators {
    /** Why a card's definition saved by someone without the staff unit's role was not taken. */
    public static final String NO_ROLE = "cockpit.sync.error.no-role.indicator";

    private final ActiveObjects ao;

    public Indicators(ActiveObjects ao) {
        this.ao = ao;
    }

    /**
     * The indicators of these goals on pages the viewer may see, by goal number, each goal's in key
     * order; a goal without any has no entry.
     */
    public Map<String, List<Indicator>> ofGoals(Collection<String> goalNumbers, Collection<Long> viewablePages) {
        Map<String, List<Indicator>> found = new LinkedHashMap<>();
        read(new Criteria().in(IndicatorEntity.GOAL_NUMBER, List.copyOf(new LinkedHashSet<>(goalNumbers))),
                viewablePages).forEach(i -> found.computeIfAbsent(i.goalNumber(), k -> new ArrayList<>()).add(i));
        return found;
    }

    /** The indicators with these keys on pages the viewer may see, by key. */
    public Map<String, Indicator> byKeys(Collection<String> keys, Collection<Long> viewablePages) {
        Map<String, Indicator> found = new LinkedHashMap<>();
        read(new Criteria().in(IndicatorEntity.INDICATOR_KEY, List.copyOf(new LinkedHashSet<>(keys))), viewablePages)
                .forEach(i -> found.putIfAbsent(i.key(), i));
        return found;
    }

    /** The indicator with this key, if it is on a page the viewer may see. */
    public Optional<Indicator> find(String key, Collection<Long> viewablePages) {
        return Optional.ofNullable(byKeys(List.of(key), viewablePages).get(key));
    }

    /** Every indicator declared on the page, withdrawn ones included, in key order. */
    public List<Indicator> ofPage(long pageId) {
        List<Indicator> found = new ArrayList<>();
        ao.stream(IndicatorEntity.class, Query.select("*").where(IndicatorEntity.PAGE_ID + " = ?", pageId)
                .order(IndicatorEntity.INDICATOR_KEY), e -> found.add(toIndicator(e)));
        return found;
    }

    /**
     * The indicator with this key declared on another page, if there is one: the one not withdrawn
     * if any (the sync refuses the key to this page's card then), else the latest withdrawn one
     * (which only the staff unit moves here). Only for saying why a card is not recorded: it is
     * read whoever views, so it must not be shown.
     */
    public Optional<Indicator> elsewhere(String key, long pageId) {
        return Arrays.stream(ao.find(IndicatorEntity.class, IndicatorEntity.INDICATOR_KEY + " = ? AND "
                        + IndicatorEntity.PAGE_ID + " <> ?", key, pageId))
                .max(Comparator.comparing((IndicatorEntity e) -> !e.isWithdrawn()).thenComparing(IndicatorEntity::getID))
                .map(Indicators::toIndicator);
    }

    /** The pages indicators are declared on: whose permissions decide which a viewer sees. */
    public List<Long> pageIds() {
        Set<Long> pages = new LinkedHashSet<>();
        ao.stream(IndicatorEntity.class, Query.select("ID, " + IndicatorEntity.PAGE_ID).order(IndicatorEntity.PAGE_ID),
                e -> pages.add(e.getPageId()));
        return List.copyOf(pages);
    }

    private List<Indicator> read(Criteria criteria, Collection<Long> viewablePages) {
        criteria.in(IndicatorEntity.PAGE_ID, List.copyOf(new HashSet<>(viewablePages)))
                .eq(IndicatorEntity.WITHDRAWN, false);
        List<Indicator> found = new ArrayList<>();
        if (!criteria.matchesNothing()) {
            ao.stream(IndicatorEntity.class, criteria.query("*").order(IndicatorEntity.INDICATOR_KEY),
                    e -> found.add(toIndicator(e)));
        }
        return found;
    }

    /**
     * Brings the page's indicators in line with its cards, in one transaction (the caller holds the
     * page's lock). A card is its key, since measured values name it by key: each card takes the
     * row of its key, whichever macro declared it before, so a card moved here from another page or
     * removed and put back is the same indicator with its values; one whose card left the page is
     * withdrawn. A key belongs to one card: one that an active card on another page declares, or
     * that an earlier card on this page has already taken, is refused for this card (its macro
     * stays on the page and says so, see {@code IndicatorMacro}).
     *
     * <p>A card's definition (see {@link Indicator#definitionChanges}) is changed only by a page
     * saved by someone who may change goals, as a goal's status is: otherwise the recorded
     * definition stands, the card's texts are taken, and the claim is a conflict the card shows.
     * That holds for a card that comes back too. A card withdrawn from another page is moved here
     * by the staff unit only: its values would then be seen by whoever may view this page. A card
     * whose key the register has never held is recorded as its page says, whoever saved it, as a
     * goal saved by anyone is recorded (in draft): it has no values yet that another definition
     * could reassess.
     *
     * @param mayChange whether the page's saver may change cards' definitions ({@code Roles.mayChangeGoals})
     * @return why cards of the page were not (wholly) taken, one message each, in the page's order
     */
    public List<Message> applyPage(long pageId, List<Indicator> onPage, boolean mayChange) {
        return ao.executeInTransaction(() -> {
            List<Message> refused = new ArrayList<>();
            Set<String> claimed = new HashSet<>();
            Set<Integer> kept = new HashSet<>();
            for (Indicator i : onPage) {
                if (!claimed.add(i.key())) {
                    refused.add(Message.of("cockpit.sync.error.indicator-duplicate", i.key()));
                    continue;
                }
                List<IndicatorEntity> sameKey = new ArrayList<>(List.of(ao.find(IndicatorEntity.class,
                        IndicatorEntity.INDICATOR_KEY + " = ?", i.key())));
                if (sameKey.stream().anyMatch(e -> e.getPageId() != pageId && !e.isWithdrawn())) {
                    refused.add(Message.of("cockpit.sync.error.indicator-key", i.key()));
                    continue;
                }
                // This page's row, the active one first, else the latest (rows of old versions may repeat a key).
                sameKey.sort(Comparator.comparing((IndicatorEntity e) -> e.getPageId() == pageId)
                        .thenComparing(e -> !e.isWithdrawn()).thenComparing(IndicatorEntity::getID).reversed());
                IndicatorEntity e;
                Indicator recorded = i;
                if (sameKey.isEmpty()) {
                    e = ao.create(IndicatorEntity.class,
                            new DBParam(IndicatorEntity.INDICATOR_KEY, i.key()),
                            new DBParam(IndicatorEntity.GOAL_NUMBER, i.goalNumber()),
                            new DBParam("NAME", i.name()),
                            new DBParam("DIRECTION", i.direction().name()),
                            new DBParam("BASELINE", Values.stored(i.baseline())),
                            new DBParam("BASELINE_DATE", toDate(i.baselineDate())),
                            new DBParam("TARGET", Values.stored(i.target())),
                            new DBParam("TARGET_DATE", toDate(i.targetDate())),
                            new DBParam("RESPONSIBLE_UNIT", i.responsibleUnit()),
                            new DBParam("RHYTHM", i.rhythm().name()));
                } else {
                    e = sameKey.get(0);
                    if (e.getPageId() != pageId && !mayChange) {
                        // Its values would be seen by whoever may view this page, not that one's.
                        refused.add(Message.of("cockpit.sync.error.indicator-move", i.key(), Message.of(NO_ROLE)));
                        continue;
                    }
                    Indicator stored = toIndicator(e);
                    if (!mayChange && !stored.definitionChanges(i).isEmpty()) {
                        recorded = i.withDefinitionOf(stored);
                        refused.add(Message.of("cockpit.sync.error.indicator-definition", i.key(),
                                Message.of(NO_ROLE)));
                    }
                }
                write(e, recorded);
                kept.add(e.getID());
            }
            for (IndicatorEntity e : ao.find(IndicatorEntity.class, IndicatorEntity.PAGE_ID + " = ?", pageId)) {
                if (!kept.contains(e.getID()) && !e.isWithdrawn()) {
                    e.setWithdrawn(true);
                    e.save();
                }
            }
            return refused;
        });
    }

    private static void write(IndicatorEntity e, Indicator i) {
        e.setMacroId(i.macroId().isEmpty() ? null : i.macroId());
        e.setIndicatorKey(i.key());
        e.setGoalNumber(i.goalNumber());
        e.setName(i.name());
        e.setMeasures(i.measures());
        e.setRationale(i.rationale());
        e.setUnit(i.unit());
        e.setDirection(i.direction().name());
        e.setBaseline(Values.stored(i.baseline()));
        e.setBaselineDate(toDate(i.baselineDate()));
        e.setTarget(Values.stored(i.target()));
        e.setTargetDate(toDate(i.targetDate()));
        e.setDataSource(i.source());
        e.setResponsibleUnit(i.responsibleUnit());
        e.setRhythm(i.rhythm().name());
        e.setPageId(i.page().pageId());
        e.setPageVersion(i.page().version());
        e.setSpaceKey(i.page().spaceKey());
        e.setPageTitle(i.page().title());
        e.setWithdrawn(false);
        e.save();
    }

    private static Indicator toIndicator(IndicatorEntity e) {
        return new Indicator(e.getID(), e.getMacroId(), e.getIndicatorKey(), e.getGoalNumber(), e.getName(),
                e.getMeasures(), e.getRationale(), e.getUnit(), Direction.valueOf(e.getDirection()),
                new BigDecimal(e.getBaseline()), toDay(e.getBaselineDate()), new BigDecimal(e.getTarget()),
                toDay(e.getTargetDate()), e.getDataSource(), e.getResponsibleUnit(), Rhythm.valueOf(e.getRhythm()),
                new PageRef(e.getPageId(), e.getPageVersion(), e.getSpaceKey(), e.getPageTitle()), e.isWithdrawn());
    }
}
