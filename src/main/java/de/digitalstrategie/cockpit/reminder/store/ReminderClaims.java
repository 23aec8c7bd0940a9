package de.digitalstrategie.cockpit.reminder.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.DBParam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;

/**
 * Which day's reminders have gone to whom. A claim is committed in a transaction of its own before
 * the message is queued; callers claim under the reminders' cluster lock, so that checking and
 * writing cannot interleave between nodes.
 */
public class ReminderClaims {
    private final ActiveObjects ao;
    private final Clock clock;

    public ReminderClaims(ActiveObjects ao, Clock clock) {
        this.ao = ao;
        this.clock = clock;
    }

    /** @return true if the day's reminder to the person was not claimed yet and now is */
    public boolean claim(LocalDate day, String userKey, int items) {
        return ao.executeInTransaction(() -> {
            if (sent(day, userKey)) {
                return false;
            }
            ao.create(ReminderSentEntity.class,
                    new DBParam(ReminderSentEntity.DAY, day.toString()),
                    new DBParam(ReminderSentEntity.USER_KEY, userKey),
                    new DBParam("ITEMS", items),
                    new DBParam("CLAIMED_AT", Date.from(clock.instant())));
            return true;
        });
    }

    public boolean sent(LocalDate day, String userKey) {
        return ao.count(ReminderSentEntity.class, ReminderSentEntity.DAY + " = ? AND " + ReminderSentEntity.USER_KEY
                + " = ?", day.toString(), userKey) > 0;
    }

    /** How many people were sent the day's reminders. */
    public int count(LocalDate day) {
        return ao.count(ReminderSentEntity.class, ReminderSentEntity.DAY + " = ?", day.toString());
    }
}
