package de.digitalstrategie.cockpit.committee.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;

import java.util.Date;

/** A session of a body. */
@Preload
@Table("MEETING")
public interface MeetingEntity extends Entity {
    String BODY_KEY = "BODY_KEY";
    String MEETING_DATE = "MEETING_DATE";
    String PAGE_ID = "PAGE_ID";

    @NotNull
    @Indexed
    String getBodyKey();

    void setBodyKey(String key);

    @NotNull
    String getMeetingNumber();

    void setMeetingNumber(String number);

    @NotNull
    String getTitle();

    void setTitle(String title);

    @NotNull
    Date getMeetingDate();

    void setMeetingDate(Date date);

    String getLocation();

    void setLocation(String location);

    long getPageId();

    void setPageId(long pageId);

    boolean isPublished();

    void setPublished(boolean published);
}
