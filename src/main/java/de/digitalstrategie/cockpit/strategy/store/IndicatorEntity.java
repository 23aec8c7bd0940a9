package de.digitalstrategie.cockpit.strategy.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * An indicator and its card, as its macro on a goal's page declares it; never deleted, only
 * withdrawn (its measured values stay). Values are decimals kept as plain text (see
 * {@code strategy.Values}).
 */
@Preload
@Table("INDICATOR")
public interface IndicatorEntity extends Entity {
    String INDICATOR_KEY = "INDICATOR_KEY";
    String GOAL_NUMBER = "GOAL_NUMBER";
    String MACRO_ID = "MACRO_ID";
    String PAGE_ID = "PAGE_ID";
    String WITHDRAWN = "WITHDRAWN";

    @Indexed
    String getMacroId();

    void setMacroId(String macroId);

    @NotNull
    @Indexed
    String getIndicatorKey();

    void setIndicatorKey(String key);

    @NotNull
    @Indexed
    String getGoalNumber();

    void setGoalNumber(String number);

    @NotNull
    String getName();

    void setName(String name);

    @StringLength(StringLength.UNLIMITED)
    String getMeasures();

    void setMeasures(String text);

    @StringLength(StringLength.UNLIMITED)
    String getRationale();

    void setRationale(String text);

    String getUnit();

    void setUnit(String unit);

    @NotNull
    String getDirection();

    void setDirection(String direction);

    @NotNull
    String getBaseline();

    void setBaseline(String value);

    @NotNull
    Date getBaselineDate();

    void setBaselineDate(Date day);

    @NotNull
    String getTarget();

    void setTarget(String value);

    @NotNull
    Date getTargetDate();

    void setTargetDate(Date day);

    String getDataSource();

    void setDataSource(String source);

    @NotNull
    String getResponsibleUnit();

    void setResponsibleUnit(String unit);

    @NotNull
    String getRhythm();

    void setRhythm(String rhythm);

    @Indexed
    long getPageId();

    void setPageId(long id);

    int getPageVersion();

    void setPageVersion(int version);

    String getSpaceKey();

    void setSpaceKey(String key);

    String getPageTitle();

    void setPageTitle(String title);

    boolean isWithdrawn();

    void setWithdrawn(boolean withdrawn);
}
