/**
 * From view to markup: templates through the host's renderer, the viewer's texts and formats,
 * escaping ({@link de.digitalstrategie.cockpit.render.Html}) and the pieces every table and filter form
 * is made of ({@link de.digitalstrategie.cockpit.render.Views}). Part of the kernel: it depends only
 * on message and query.
 */
package de.digitalstrategie.cockpit.render;
