package com.atlassian.confluence.security;

/**
 * Stand-in for {@code com.atlassian.confluence.security.ContentPermission} (Confluence 9.x
 * javadoc): only the type of a view restriction. Never packaged.
 */
public class ContentPermission {
    public static final String VIEW_PERMISSION = "View";
}
