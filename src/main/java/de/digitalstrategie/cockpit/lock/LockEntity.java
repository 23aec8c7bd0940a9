package de.digitalstrategie.cockpit.lock;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

import java.util.Date;

/** A held lock: at most one row per name, enforced by the database's unique constraint. */
@Preload
@Table("CLUSTER_LOCK")
public interface LockEntity extends Entity {
    String LOCK_NAME = "LOCK_NAME";
    String EXPIRES = "EXPIRES";

    @NotNull
    @Unique
    String getLockName();

    void setLockName(String name);

    @NotNull
    String getHolder();

    void setHolder(String holder);

    @NotNull
    Date getExpires();

    void setExpires(Date expires);
}
