package com.atlassian.plugins.rest.api.security.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in for {@code com.atlassian.plugins.rest.api.security.annotation.AnonymousSiteAccess}
 * (Atlassian REST v2, Platform 7): the resource may be called without signing in, where the site
 * allows anonymous access. Unannotated resources are for licensed users only. Never packaged.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AnonymousSiteAccess {
}
