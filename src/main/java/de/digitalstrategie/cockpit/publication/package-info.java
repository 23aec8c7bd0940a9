/**
 * Public project profiles (Projektsteckbriefe) for the city's participation platform: which
 * projects the city publishes (a setting of the project, changed by the staff unit on the project
 * profile), and what anyone may read of them, as JSON, as an Atom feed of their status changes
 * and as an embeddable HTML profile ({@code /rest/cockpit/1.0/public/projects}).
 *
 * <p>Layers: {@code rest} serves anonymous reads of published projects only; {@code macro} is the
 * publication control on the project profile macro; {@code web} takes its form. The setting and
 * its history live with the project ({@code portfolio.store.ProjectStore}, {@code
 * portfolio.history}).
 */
package de.digitalstrategie.cockpit.publication;
