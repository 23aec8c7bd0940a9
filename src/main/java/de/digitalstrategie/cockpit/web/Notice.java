package de.digitalstrategie.cockpit.web;

import de.digitalstrategie.cockpit.render.Html;

/**
 * A line of feedback a page shows after its form was sent, escaped: its text, its kind (AUI's
 * message class: {@code success}, {@code info}, {@code warning}, {@code error}) and the ARIA role
 * that makes assistive technology read it out, politely ({@code status}) for what went as asked,
 * at once ({@code alert}) for what needs the reader's attention.
 */
public record Notice(String textHtml, String kindHtml, String roleHtml) {
    public static Notice of(String text, String kind) {
        boolean urgent = "error".equals(kind) || "warning".equals(kind);
        return new Notice(Html.text(text), Html.text(kind), urgent ? "alert" : "status");
    }
}
