package de.digitalstrategie.cockpit.portfolio.store;

import net.java.ao.Entity;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * A fresh random token written in the same transaction as every change of the project mirror, on
 * whichever node makes it: a node may reuse a portfolio view it computed while the token it read
 * before is still the one in the database. A token, not a counter, so that two writers that read
 * the same value cannot both write the same next one. Every write of the mirror writes this row
 * first, so the row's lock puts the writers of the mirror one after another, cluster-wide, and
 * each sees what the one before it committed (the summed figures are read, changed and written).
 */
@Table("PORTFOLIO_STAMP")
public interface PortfolioStampEntity extends Entity {
    String STAMP = "STAMP";

    @NotNull
    String getStamp();

    void setStamp(String stamp);

    /**
     * The day the summed overdue counts ({@link PortfolioSumEntity#getOverdue()}) are counted as of:
     * an open project counts as overdue there when it ends before this day. Null before the sums
     * were first built.
     */
    Date getOverdueBefore();

    void setOverdueBefore(Date day);
}
