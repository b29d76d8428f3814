package jp.budgetledger.app.config;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Axon's {@link Cache} over a Caffeine cache: Caffeine keeps the entries and decides what to evict
 * (its bounds are those of the builder given); this class only adapts the calls and tells Axon's
 * listeners what happened. Eviction and expiry are reported as {@code onEntryExpired}, an explicit
 * removal as {@code onEntryRemoved}.
 */
public final class CaffeineAxonCache implements Cache {

    private final ConcurrentMap<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    public CaffeineAxonCache(Caffeine<Object, Object> builder) {
        this.entries = builder
                .executor(Runnable::run)
                .<Object, Object>removalListener((key, value, cause) -> {
                    if (cause.wasEvicted()) {
                        listeners.forEach(l -> l.onEntryExpired(key));
                    } else if (cause == RemovalCause.EXPLICIT) {
                        listeners.forEach(l -> l.onEntryRemoved(key));
                    }
                })
                .build()
                .asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        V value = (V) entries.get(key);
        if (value != null) {
            listeners.forEach(l -> l.onEntryRead(key, value));
        }
        return value;
    }

    @Override
    public void put(Object key, Object value) {
        boolean existed = entries.put(key, value) != null;
        listeners.forEach(l -> {
            if (existed) {
                l.onEntryUpdated(key, value);
            } else {
                l.onEntryCreated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean absent = entries.putIfAbsent(key, value) == null;
        if (absent) {
            listeners.forEach(l -> l.onEntryCreated(key, value));
        }
        return absent;
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.clear();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
