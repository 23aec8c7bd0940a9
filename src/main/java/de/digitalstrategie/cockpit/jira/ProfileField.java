package de.digitalstrategie.cockpit.jira;

/**
 * The custom fields that carry the project profile (Projektsteckbrief) on a Jira issue, with the
 * Jira field type and searcher each is created with. Names are what administrators see in Jira.
 */
public enum ProfileField {
    DEPARTMENT("Federführende Organisationseinheit", TEXT, TEXT_SEARCH),
    FIELD_OF_ACTION("Handlungsfeld", TEXT, TEXT_SEARCH),
    PHASE("Projektphase", TEXT, TEXT_SEARCH),
    HEALTH("Projektampel", TEXT, TEXT_SEARCH),
    BUDGET("Budget (EUR)", NUMBER, NUMBER_SEARCH),
    FUNDING("Fördermittel (EUR)", NUMBER, NUMBER_SEARCH),
    FUNDING_SOURCE("Fördergeber", AREA, TEXT_SEARCH),
    GOALS("Projektziele", AREA, TEXT_SEARCH),
    PARTICIPANTS("Projektbeteiligte", AREA, TEXT_SEARCH),
    RISKS("Projektrisiken", AREA, TEXT_SEARCH),
    START("Projektbeginn", DATE, DATE_SEARCH),
    END("Projektende", DATE, DATE_SEARCH);

    private static final String TYPES = "com.atlassian.jira.plugin.system.customfieldtypes:";
    static final String TEXT = TYPES + "textfield";
    static final String AREA = TYPES + "textarea";
    static final String NUMBER = TYPES + "float";
    static final String DATE = TYPES + "datepicker";
    static final String TEXT_SEARCH = TYPES + "textsearcher";
    static final String NUMBER_SEARCH = TYPES + "exactnumber";
    static final String DATE_SEARCH = TYPES + "daterange";

    private final String jiraName;
    private final String type;
    private final String searcher;

    ProfileField(String jiraName, String type, String searcher) {
        this.jiraName = jiraName;
        this.type = type;
        this.searcher = searcher;
    }

    public String jiraName() {
        return jiraName;
    }

    public String type() {
        return type;
    }

    public String searcher() {
        return searcher;
    }
}
