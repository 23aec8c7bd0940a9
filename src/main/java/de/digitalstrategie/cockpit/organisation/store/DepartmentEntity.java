package de.digitalstrategie.cockpit.organisation.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;

/** A department, municipal company or partner (configurable data). */
@Preload
@Table("DEPARTMENT")
public interface DepartmentEntity extends Entity {
    String DEPARTMENT_KEY = "DEPARTMENT_KEY";

    @NotNull
    @Indexed
    String getDepartmentKey();

    void setDepartmentKey(String key);

    @NotNull
    String getName();

    void setName(String name);

    @NotNull
    String getKind();

    void setKind(String kind);

    String getSourceUrl();

    void setSourceUrl(String url);
}
