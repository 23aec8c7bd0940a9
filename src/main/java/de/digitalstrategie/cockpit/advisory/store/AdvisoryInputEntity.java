package de.digitalstrategie.cockpit.advisory.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/** An input of the advisory board and the city's answer; never deleted, only withdrawn. */
@Preload
@Table("ADVISORY_INPUT")
public interface AdvisoryInputEntity extends Entity {
    String MACRO_ID = "MACRO_ID";
    String INPUT_NUMBER = "INPUT_NUMBER";
    String ANSWER_STATUS = "ANSWER_STATUS";
    String SECTORS = "SECTORS";
    String PAGE_ID = "PAGE_ID";
    String MEETING_ID = "MEETING_ID";
    String RECEIVED_ON = "RECEIVED_ON";
    String REPORTED_ON = "REPORTED_ON";
    String WITHDRAWN = "WITHDRAWN";
    String TITLE = "TITLE";

    @Indexed
    String getMacroId();

    void setMacroId(String macroId);

    @NotNull
    @Indexed
    String getInputNumber();

    void setInputNumber(String number);

    @NotNull
    String getTitle();

    void setTitle(String title);

    @StringLength(StringLength.UNLIMITED)
    String getRecommendation();

    void setRecommendation(String text);

    String getTopic();

    void setTopic(String topic);

    /** Comma-separated sector names, e.g. "WIRTSCHAFT,WISSENSCHAFT". */
    @NotNull
    String getSectors();

    void setSectors(String sectors);

    @Indexed
    long getMeetingId();

    void setMeetingId(long id);

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

    boolean isPublished();

    void setPublished(boolean published);

    /** The answer status a page edit claimed but the workflow refused, or empty. */
    String getStatusConflict();

    void setStatusConflict(String status);

    /**
     * Why the claimed status was not applied: the i18n key of the refusal (the workflow's, or that
     * the page was saved by someone without the right to change it).
     */
    String getStatusConflictReason();

    void setStatusConflictReason(String reasonKey);

    /** What the register's text filter searches, lower-cased (see {@code query.SearchText}). */
    @StringLength(StringLength.UNLIMITED)
    String getSearchText();

    void setSearchText(String text);
}
