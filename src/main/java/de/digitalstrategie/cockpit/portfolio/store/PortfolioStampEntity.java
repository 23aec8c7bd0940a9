package de.digitalstrategie.cockpit.portfolio.store;

import net.java.ao.Entity;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;

/**
 * A fresh random token written in the same transaction as every change of the project mirror, on
 * whichever node makes it: a node may reuse a portfolio view it computed while the token it read
 * before is still the one in the database. A token, not a counter, so that two writers that read
 * the same value cannot both write the same next one.
 */
@Table("PORTFOLIO_STAMP")
public interface PortfolioStampEntity extends Entity {
    String STAMP = "STAMP";

    @NotNull
    String getStamp();

    void setStamp(String stamp);
}
