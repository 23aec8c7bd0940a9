package de.digitalstrategie.cockpit.committee.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;

/** A steering committee or advisory board. */
@Preload
@Table("BODY")
public interface BodyEntity extends Entity {
    String BODY_KEY = "BODY_KEY";

    @NotNull
    String getBodyKey();

    void setBodyKey(String key);

    @NotNull
    String getKind();

    void setKind(String kind);

    @NotNull
    String getName();

    void setName(String name);

    boolean isPublished();

    void setPublished(boolean published);
}
