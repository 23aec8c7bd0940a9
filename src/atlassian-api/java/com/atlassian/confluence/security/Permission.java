package com.atlassian.confluence.security;

/**
 * Stand-in for {@code com.atlassian.confluence.security.Permission} (Confluence javadoc): the
 * kinds of permission checked by the PermissionManager; only VIEW is used here. Never packaged.
 */
public final class Permission {
    public static final Permission VIEW = new Permission("VIEW");

    private final String name;

    private Permission(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
