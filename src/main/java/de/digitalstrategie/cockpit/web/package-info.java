/**
 * The frame of the plugin's own forms, one way for all: the host's XSRF token as every form on an
 * answer carries it ({@link de.digitalstrategie.cockpit.web.FormTokens}), the post of a form on a
 * page that goes back to it with a notice ({@link de.digitalstrategie.cockpit.web.FormPost}), and
 * the page of settings that shows and takes its own form
 * ({@link de.digitalstrategie.cockpit.web.FormPage}). Who asks is always checked before a byte of
 * the form is read, then the token. Part of the kernel: it depends only on render and message.
 */
package de.digitalstrategie.cockpit.web;
