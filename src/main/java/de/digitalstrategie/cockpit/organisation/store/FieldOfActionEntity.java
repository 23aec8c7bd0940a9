package de.digitalstrategie.cockpit.organisation.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;

/** A field of action of the strategy (configurable data). */
@Preload
@Table("FIELD_OF_ACTION")
public interface FieldOfActionEntity extends Entity {
    String FIELD_KEY = "FIELD_KEY";
    String SORT_ORDER = "SORT_ORDER";

    @NotNull
    String getFieldKey();

    void setFieldKey(String key);

    @NotNull
    String getNameDe();

    void setNameDe(String name);

    String getNameEn();

    void setNameEn(String name);

    int getSortOrder();

    void setSortOrder(int order);

    String getSourceUrl();

    void setSourceUrl(String url);
}
