package de.digitalstrategie.cockpit.strategy.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * A value measured for an indicator on a day; at most one per indicator and day (kept so under
 * the indicator's lock, see {@code Measurements}). The value is a decimal as plain text.
 */
@Preload
@Table("MEASUREMENT")
public interface MeasurementEntity extends Entity {
    String INDICATOR_KEY = "INDICATOR_KEY";
    String MEASURED_ON = "MEASURED_ON";
    String MEASURED_VALUE = "MEASURED_VALUE";
    String RECORDED_BY = "RECORDED_BY";
    String RECORDED_AT = "RECORDED_AT";

    @NotNull
    @Indexed
    String getIndicatorKey();

    void setIndicatorKey(String key);

    @NotNull
    Date getMeasuredOn();

    void setMeasuredOn(Date day);

    @NotNull
    String getMeasuredValue();

    void setMeasuredValue(String value);

    String getValueSource();

    void setValueSource(String source);

    @StringLength(StringLength.UNLIMITED)
    String getRemark();

    void setRemark(String comment);

    @NotNull
    String getRecordedBy();

    void setRecordedBy(String userKey);

    @NotNull
    Date getRecordedAt();

    void setRecordedAt(Date at);
}
