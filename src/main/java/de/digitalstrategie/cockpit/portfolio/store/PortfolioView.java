package de.digitalstrategie.cockpit.portfolio.store;

import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.PortfolioSummary;
import de.digitalstrategie.cockpit.query.ResultPage;

/**
 * The sums over the selected projects and the page of them shown.
 *
 * @param stamp the mirror's stamp the view was computed under, for what is kept beside it (the
 *              page's flags); null for a view not of the current mirror (a past day, a chosen set)
 */
public record PortfolioView(PortfolioSummary summary, ResultPage<DigitalProject> page, String stamp) {
}
