package de.digitalstrategie.cockpit.jira.sync;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/** Where the project sync stands: one row, shared by all nodes. */
@Preload
@Table("SYNC_STATE")
public interface SyncStateEntity extends Entity {
    String getSyncName();

    void setSyncName(String name);

    /** The latest {@code updated} of any issue read: the next incremental sync starts here. */
    Date getHighWater();

    void setHighWater(Date date);

    Date getStartedAt();

    void setStartedAt(Date date);

    Date getFinishedAt();

    void setFinishedAt(Date date);

    boolean isRunning();

    void setRunning(boolean running);

    boolean isFullSync();

    void setFullSync(boolean full);

    int getIssuesRead();

    void setIssuesRead(int read);

    int getIssuesTotal();

    void setIssuesTotal(int total);

    int getRemoved();

    void setRemoved(int removed);

    int getRejected();

    void setRejected(int rejected);

    int getRequests();

    void setRequests(int requests);

    @StringLength(StringLength.UNLIMITED)
    String getLastError();

    void setLastError(String error);
}
