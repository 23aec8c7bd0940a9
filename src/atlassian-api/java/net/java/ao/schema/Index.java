package net.java.ao.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in for Atlassian Active Objects' {@code net.java.ao.schema.Index} (AO javadoc, AO 1.2 to
 * 6.x; absent from the original ActiveObjects 0.8.2): one index, simple or composite, over the
 * columns of the named accessors or mutators, in that order. Declared inside {@link Indexes}. Never
 * packaged.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Index {
    /** The index's name within its table (case-insensitive; the database's name may differ). */
    String name();

    /** The accessors or mutators ("getStatus") whose columns the index covers, in order. */
    String[] methodNames();
}
