package com.atlassian.plugins.rest.api.security.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in for {@code com.atlassian.plugins.rest.api.security.annotation.UnrestrictedAccess}
 * (Atlassian REST v2, Platform 7; developer.atlassian.com: "Prepare your Data Center app to comply
 * with secure endpoint defaults"): the resource may be called by anyone, signed in or not, whether
 * or not the site allows anonymous access; the resource itself decides what the caller gets.
 * Never packaged.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface UnrestrictedAccess {
}
