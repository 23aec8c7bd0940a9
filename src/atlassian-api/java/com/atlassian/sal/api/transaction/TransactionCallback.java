package com.atlassian.sal.api.transaction;

/**
 * Stand-in for SAL's {@code com.atlassian.sal.api.transaction.TransactionCallback<T>} (SAL API
 * javadoc): the unit of work passed to {@code ActiveObjects.executeInTransaction}. Never packaged.
 */
public interface TransactionCallback<T> {
    T doInTransaction();
}
