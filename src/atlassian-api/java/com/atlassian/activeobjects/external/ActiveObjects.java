package com.atlassian.activeobjects.external;

import com.atlassian.sal.api.transaction.TransactionCallback;
import net.java.ao.DBParam;
import net.java.ao.EntityStreamCallback;
import net.java.ao.Query;
import net.java.ao.RawEntity;

import java.util.Map;

/**
 * Stand-in for Atlassian Active Objects' plugin-facing facade, declared with the real package, name
 * and signatures. Source: Active Objects javadoc, interface
 * {@code com.atlassian.activeobjects.external.ActiveObjects} (AO 3.x-6.x). Only the methods this
 * plugin calls are declared; like the real API, none throws a checked exception. Compiled for the
 * build and the tests, never packaged: in Confluence the AO plugin provides the real one.
 */
public interface ActiveObjects {

    void migrate(Class<? extends RawEntity<?>>... entities);

    <T extends RawEntity<K>, K> T create(Class<T> type, DBParam... params);

    <T extends RawEntity<K>, K> T create(Class<T> type, Map<String, Object> params);

    <T extends RawEntity<K>, K> T get(Class<T> type, K key);

    <T extends RawEntity<K>, K> T[] find(Class<T> type);

    <T extends RawEntity<K>, K> T[] find(Class<T> type, String criteria, Object... parameters);

    <T extends RawEntity<K>, K> T[] find(Class<T> type, Query query);

    /**
     * Selects the entities the query finds and hands them to the callback one by one, without
     * holding them: AO's "optimised read for large datasets". Each entity is read-only (a setter or
     * {@code save()} throws) and holds only the columns the query selects, without lazy loading.
     */
    <T extends RawEntity<K>, K> void stream(Class<T> type, Query query, EntityStreamCallback<T, K> streamCallback);

    <K> int count(Class<? extends RawEntity<K>> type);

    <K> int count(Class<? extends RawEntity<K>> type, String criteria, Object... parameters);

    <K> int count(Class<? extends RawEntity<K>> type, Query query);

    void delete(RawEntity<?>... entities);

    <K> int deleteWithSQL(Class<? extends RawEntity<K>> type, String criteria, Object... parameters);

    <T> T executeInTransaction(TransactionCallback<T> callback);

    void flushAll();
}
