package de.digitalstrategie.cockpit.advisory.store;

import de.digitalstrategie.cockpit.register.store.RecordEntity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/** An input of the advisory board and the city's answer; never deleted, only withdrawn. */
@Preload
@Table("ADVISORY_INPUT")
public interface AdvisoryInputEntity extends RecordEntity {
    String INPUT_NUMBER = "INPUT_NUMBER";
    String ANSWER_STATUS = "ANSWER_STATUS";
    String SECTORS = "SECTORS";
    String RECEIVED_ON = "RECEIVED_ON";
    String REPORTED_ON = "REPORTED_ON";

    @Override
    @Indexed
    String getMacroId();

    @Override
    @Indexed
    Long getPageSeq();

    @Override
    @Indexed
    long getMeetingId();

    @NotNull
    @Indexed
    String getInputNumber();

    void setInputNumber(String number);

    @StringLength(StringLength.UNLIMITED)
    String getRecommendation();

    void setRecommendation(String text);

    String getTopic();

    void setTopic(String topic);

    /** Comma-separated sector names, e.g. "WIRTSCHAFT,WISSENSCHAFT". */
    @NotNull
    String getSectors();

    void setSectors(String sectors);

    @NotNull
    Date getReceivedOn();

    void setReceivedOn(Date date);

    @NotNull
    @Indexed
    String getAnswerStatus();

    void setAnswerStatus(String status);

    @StringLength(StringLength.UNLIMITED)
    String getAnswerText();

    void setAnswerText(String text);

    String getAnswerOwner();

    void setAnswerOwner(String owner);

    Date getAnsweredOn();

    void setAnsweredOn(Date date);

    Date getReportedOn();

    void setReportedOn(Date date);
}
