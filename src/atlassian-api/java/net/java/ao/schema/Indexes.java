package net.java.ao.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in for Atlassian Active Objects' {@code net.java.ao.schema.Indexes} (AO 1.2 upgrade guide and
 * javadoc, AO 1.2 to 6.x; absent from the original ActiveObjects 0.8.2): the indexes of an entity's
 * table, composite ones included. The host runtime in this repository creates them. Never packaged.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Indexes {
    Index[] value();
}
