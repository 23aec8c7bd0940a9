package de.digitalstrategie.cockpit.jira.settings;

/**
 * The custom fields that carry the project profile (Projektsteckbrief) on a Jira issue, with the
 * Jira field type and searcher each is created with. Names are what administrators see in Jira.
 */
public enum ProfileField {
    DEPARTMENT("Federführende Organisationseinheit", Types.TEXT, Types.TEXT_SEARCH),
    FIELD_OF_ACTION("Handlungsfeld", Types.TEXT, Types.TEXT_SEARCH),
    PHASE("Projektphase", Types.TEXT, Types.TEXT_SEARCH),
    HEALTH("Projektampel", Types.TEXT, Types.TEXT_SEARCH),
    BUDGET("Budget (EUR)", Types.NUMBER, Types.NUMBER_SEARCH),
    FUNDING("Fördermittel (EUR)", Types.NUMBER, Types.NUMBER_SEARCH),
    FUNDING_SOURCE("Fördergeber", Types.AREA, Types.TEXT_SEARCH),
    GOALS("Projektziele", Types.AREA, Types.TEXT_SEARCH),
    PARTICIPANTS("Projektbeteiligte", Types.AREA, Types.TEXT_SEARCH),
    RISKS("Projektrisiken", Types.AREA, Types.TEXT_SEARCH),
    START("Projektbeginn", Types.DATE, Types.DATE_SEARCH),
    END("Projektende", Types.DATE, Types.DATE_SEARCH);

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

    /** Jira's keys for the custom field types and searchers (a holder: enum constants cannot see the enum's statics). */
    private static final class Types {
        private static final String PREFIX = "com.atlassian.jira.plugin.system.customfieldtypes:";
        static final String TEXT = PREFIX + "textfield";
        static final String AREA = PREFIX + "textarea";
        static final String NUMBER = PREFIX + "float";
        static final String DATE = PREFIX + "datepicker";
        static final String TEXT_SEARCH = PREFIX + "textsearcher";
        static final String NUMBER_SEARCH = PREFIX + "exactnumber";
        static final String DATE_SEARCH = PREFIX + "daterange";
    }
}
