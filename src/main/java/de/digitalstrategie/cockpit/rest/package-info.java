/**
 * The common edge of every REST resource: JSON in and out, query parameters read once, file
 * downloads, and errors as the plugin's JSON. The features' resources use it; it depends only on
 * the kernel (message, query, export, workflow, macro).
 */
package de.digitalstrategie.cockpit.rest;
