package net.java.ao;

/**
 * Stand-in for Atlassian Active Objects' {@code net.java.ao.EntityStreamCallback} (AO javadoc, AO
 * 0.19 to 6.x; absent from the original ActiveObjects 0.8.2): receives the rows of
 * {@code ActiveObjects.stream} one at a time, each as a read-only entity holding only the columns
 * the query selected. The host runtime in this repository implements the stream. Never packaged.
 */
public interface EntityStreamCallback<T extends RawEntity<K>, K> {
    void onRowRead(T t);
}
