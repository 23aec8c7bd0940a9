package de.digitalstrategie.cockpit.portfolio.store;

import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.PortfolioSummary;
import de.digitalstrategie.cockpit.query.ResultPage;

/** The sums over the selected projects and the page of them shown. */
public record PortfolioView(PortfolioSummary summary, ResultPage<DigitalProject> page) {
}
