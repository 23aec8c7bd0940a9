package net.java.ao.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in for Atlassian Active Objects' {@code net.java.ao.schema.StringLength} (AO javadoc; absent
 * from the original ActiveObjects 0.8.2): the maximum length of a String column, {@link #UNLIMITED}
 * for CLOB/TEXT. The host runtime in this repository honours it. Never packaged.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface StringLength {
    int MAX_LENGTH = 450;
    int UNLIMITED = -1;

    int value();
}
