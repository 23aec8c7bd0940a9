package de.digitalstrategie.cockpit.store;

import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;

/**
 * A fresh random token per area of stored data (the organisation, the Jira projects the mirror holds),
 * written in the same transaction as every change of that area on whichever node makes it. A token,
 * not a counter, so that two writers that read the same value cannot both write the same next one.
 */
@Table("CHANGE_STAMP")
public interface ChangeStampEntity extends Entity {
    String AREA = "AREA";
    String STAMP = "STAMP";

    @NotNull
    @Indexed
    String getArea();

    void setArea(String area);

    @NotNull
    String getStamp();

    void setStamp(String stamp);
}
