package de.digitalstrategie.cockpit.reminder;

import com.atlassian.sal.api.user.UserManager;
import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.register.PageRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a day's reminders say, and to whom: one {@link Reminder} per person, each holding only the
 * records on pages that person may view (a record on a page hidden from them is not mentioned, not
 * even counted). A decision is due when it would be overdue the day after the window ends
 * ({@link Decision#overdue}), so whatever makes a decision stop counting as overdue (withdrawn,
 * no longer in force, carried out) also ends its reminders.
 */
public class ReminderPlanner {
    private static final Comparator<Decision> BY_DUE = Comparator.comparing(Decision::dueDate)
            .thenComparing(Decision::number);
    private static final Comparator<AdvisoryInput> BY_RECEIVED = Comparator.comparing(AdvisoryInput::receivedOn)
            .thenComparing(AdvisoryInput::number);

    private final DecisionStore decisions;
    private final AdvisoryStore advisory;
    private final CommitteeStore committee;
    private final OrganisationStore organisation;
    private final Roles roles;
    private final UserManager users;
    private final PageAccess pages;

    public ReminderPlanner(DecisionStore decisions, AdvisoryStore advisory, CommitteeStore committee,
                           OrganisationStore organisation, Roles roles, UserManager users, PageAccess pages) {
        this.decisions = decisions;
        this.advisory = advisory;
        this.committee = committee;
        this.organisation = organisation;
        this.roles = roles;
        this.users = users;
        this.pages = pages;
    }

    /** The day's reminders, by recipient's key; people with nothing to be told are not in it. */
    public List<Reminder> plan(LocalDate today, ReminderSettings settings) {
        Owners owners = Owners.read(users, organisation, committee, roles);
        Map<String, Draft> drafts = new TreeMap<>();
        Function<String, Draft> draft = key -> drafts.computeIfAbsent(key, k -> new Draft());
        LocalDate windowEnd = today.plusDays(settings.dueWithinDays() + 1L);
        for (Decision d : decisions.all()) {
            if (!d.page().exists() || !d.overdue(windowEnd)) {
                continue;
            }
            Set<String> responsible = owners.resolve(d.owner());
            if (responsible.isEmpty()) {
                owners.staffUnit().forEach(key -> draft.apply(key).unowned.add(d));
            } else {
                responsible.forEach(key -> draft.apply(key).decisions.add(d));
            }
        }
        for (AdvisoryInput input : advisory.all()) {
            if (input.page().exists() && !input.withdrawn()
                    && input.daysUnanswered(today) > settings.unansweredAfterDays()) {
                owners.staffUnit().forEach(key -> draft.apply(key).unanswered.add(input));
            }
        }
        List<Reminder> reminders = new ArrayList<>();
        drafts.forEach((key, d) -> {
            Set<Long> pageIds = new HashSet<>();
            d.all().forEach(r -> pageIds.add(r.page().pageId()));
            Set<Long> viewable = pages.viewableBy(key, pageIds);
            Reminder r = new Reminder(key, visible(d.decisions, viewable, BY_DUE), visible(d.unowned, viewable, BY_DUE),
                    visible(d.unanswered, viewable, BY_RECEIVED));
            if (r.items() > 0) {
                reminders.add(r);
            }
        });
        return reminders;
    }

    private static <R extends PageRecord<?>> List<R> visible(List<R> records, Set<Long> viewable,
                                                             Comparator<? super R> order) {
        return records.stream().filter(r -> viewable.contains(r.page().pageId())).sorted(order).toList();
    }

    private static final class Draft {
        final List<Decision> decisions = new ArrayList<>();
        final List<Decision> unowned = new ArrayList<>();
        final List<AdvisoryInput> unanswered = new ArrayList<>();

        List<PageRecord<?>> all() {
            List<PageRecord<?>> all = new ArrayList<>(decisions);
            all.addAll(unowned);
            all.addAll(unanswered);
            return all;
        }
    }
}
