package de.digitalstrategie.cockpit.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What this node computed lately from stored data, each value with the stamp of that data it was
 * computed under (the project mirror's, {@link ChangeStamps}'). Managers open the same few pages
 * again and again while the data changes a few times a day; a value is only handed out again under
 * the stamp it was computed under, so a change made on any node is seen on the next view. Read the
 * stamp before computing: a change committed meanwhile then carries a newer stamp than the value.
 */
public final class StampedCache<K, V> {
    private final int capacity;
    private final Map<K, Entry<V>> entries;

    private record Entry<V>(String stamp, V value) {
    }

    public StampedCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, true);
    }

    /**
     * The value for the key under this stamp, computed (outside the lock, so one slow view does not
     * hold up the others) if this node has none.
     */
    public V get(K key, String stamp, Supplier<V> compute) {
        return cached(key, stamp).orElseGet(() -> {
            V value = compute.get();
            put(key, stamp, value);
            return value;
        });
    }

    private synchronized Optional<V> cached(K key, String stamp) {
        Entry<V> e = entries.get(key);
        return e != null && e.stamp().equals(stamp) ? Optional.of(e.value()) : Optional.empty();
    }

    private synchronized void put(K key, String stamp, V value) {
        entries.put(key, new Entry<>(stamp, value));
        if (entries.size() > capacity) {
            entries.remove(entries.keySet().iterator().next());
        }
    }
}
