/**
 * The portfolio of digital projects, each a Jira issue with the city's project profile, mirrored by
 * the Jira sync. The records, filter and sums are plain Java here; {@code store} keeps the mirror and
 * the links of records to projects, {@code macro} shows the portfolio, the roadmap and the profiles,
 * {@code chart} draws their charts, {@code rest} serves and exports them. It builds on the kernel, on
 * organisation, access and {@code jira.issue}; the profile (macro and REST) also shows the decisions
 * and advisory input concerning a project.
 */
package de.digitalstrategie.cockpit.portfolio;
