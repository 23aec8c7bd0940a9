package de.digitalstrategie.cockpit.committee.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;

/** A person's seat in a body. */
@Preload
@Table("MEMBER")
public interface MemberEntity extends Entity {
    String BODY_KEY = "BODY_KEY";
    String USER_KEY = "USER_KEY";

    @NotNull
    String getBodyKey();

    void setBodyKey(String key);

    @NotNull
    @Indexed
    String getUserKey();

    void setUserKey(String key);

    @NotNull
    String getDisplayName();

    void setDisplayName(String name);

    @NotNull
    String getMemberRole();

    void setMemberRole(String role);

    String getSector();

    void setSector(String sector);

    String getDepartmentKey();

    void setDepartmentKey(String key);

    boolean isPublishConsent();

    void setPublishConsent(boolean consent);
}
