package de.digitalstrategie.cockpit.calendar;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;

/**
 * The calendar's addresses, each in one place: the feeds absolute, at Confluence's configured base
 * URL (a calendar client outside Confluence subscribes to them, and keeps the address for years:
 * not the name a request happened to reach this node by), as https (or whatever Confluence's base URL uses) and as
 * {@code webcal:}, the scheme that hands a feed to the reader's calendar program; the calendar page
 * relative, as every link within Confluence.
 */
public class CalendarLinks {
    /** Where the servlet module mounts the calendar page. */
    public static final String PAGE = "/plugins/servlet/cockpit/calendar";
    private static final String REST = "/rest/cockpit/1.0";
    private final ApplicationProperties application;

    public CalendarLinks(ApplicationProperties application) {
        this.application = application;
    }

    /** The public feed of {@code bodyKey}, or of all public bodies when null. */
    public String publicFeed(String bodyKey) {
        return base(UrlMode.CANONICAL) + REST + "/public/calendar/" + (bodyKey == null ? "" : bodyKey + "/")
                + "meetings.ics";
    }

    /** The personal feed behind {@code secret}, of {@code bodyKey} or of all bodies when null. */
    public String personalFeed(String secret, String bodyKey) {
        return base(UrlMode.CANONICAL) + REST + "/calendar/" + secret + "/" + (bodyKey == null ? "" : bodyKey + "/")
                + "meetings.ics";
    }

    public String page() {
        return base(UrlMode.RELATIVE) + PAGE;
    }

    /** The same feed for a calendar program: {@code webcal://} in place of {@code http(s)://}. */
    public static String webcal(String feed) {
        return feed.replaceFirst("^https?://", "webcal://");
    }

    private String base(UrlMode mode) {
        String base = application.getBaseUrl(mode);
        return base == null ? "" : base.replaceAll("/+$", "");
    }
}
