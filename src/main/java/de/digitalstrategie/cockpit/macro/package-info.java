/**
 * The common edge of every macro: parameters read once into typed values
 * ({@link de.digitalstrategie.cockpit.macro.MacroParameters}) and errors turned into a message in
 * place of the macro. The features' macros extend it; it depends only on render and message (and on
 * the shape of a Jira issue key).
 */
package de.digitalstrategie.cockpit.macro;
