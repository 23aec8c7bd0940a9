package de.digitalstrategie.cockpit.committee.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;

/** An item on a meeting's agenda. */
@Preload
@Table("AGENDA_ITEM")
public interface AgendaItemEntity extends Entity {
    String MEETING_ID = "MEETING_ID";
    String SORT_ORDER = "SORT_ORDER";

    @Indexed
    long getMeetingId();

    void setMeetingId(long id);

    int getSortOrder();

    void setSortOrder(int order);

    @NotNull
    String getItemNumber();

    void setItemNumber(String number);

    @NotNull
    String getTitle();

    void setTitle(String title);

    boolean isPublished();

    void setPublished(boolean published);
}
