package de.digitalstrategie.cockpit.query;

/** Ascending or descending, as a table header shows it (aria-sort). */
public enum SortOrder {
    ASC, DESC;

    public String sql() {
        return this == ASC ? "ASC" : "DESC";
    }

    public SortOrder reversed() {
        return this == ASC ? DESC : ASC;
    }

    public String ariaSort() {
        return this == ASC ? "ascending" : "descending";
    }
}
