package de.digitalstrategie.cockpit.reminder.store;

import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * A day's reminder to one person, claimed: written before the message is queued, never changed,
 * so that no node and no later run of the same day sends it again.
 */
@Table("REMINDER_SENT")
public interface ReminderSentEntity extends Entity {
    String DAY = "REMINDER_DAY";
    String USER_KEY = "USER_KEY";

    /** The day it is for, ISO ({@code 2026-11-27}). */
    @NotNull
    @Indexed
    String getReminderDay();

    void setReminderDay(String day);

    @NotNull
    String getUserKey();

    void setUserKey(String userKey);

    /** How many records it named. */
    int getItems();

    void setItems(int items);

    @NotNull
    Date getClaimedAt();

    void setClaimedAt(Date at);
}
