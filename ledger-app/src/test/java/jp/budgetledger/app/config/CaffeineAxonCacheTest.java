package jp.budgetledger.app.config;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CaffeineAxonCacheTest {

    private final List<String> heard = new ArrayList<>();

    private Cache listened(Cache cache) {
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }

            @Override
            public void onEntryExpired(Object key) {
                heard.add("expired " + key);
            }
        });
        return cache;
    }

    @Test
    void keepsAtMostItsCapacityAndReportsWhatItEvicts() {
        Cache cache = listened(new CaffeineAxonCache(Caffeine.newBuilder().maximumSize(100)));
        IntStream.range(0, 1_000).forEach(i -> cache.put("line-" + i, i));

        long kept = IntStream.range(0, 1_000).filter(i -> cache.containsKey("line-" + i)).count();
        long evicted = heard.stream().filter(h -> h.startsWith("expired ")).count();
        assertThat(kept).isEqualTo(100);
        assertThat(evicted).isEqualTo(900);
    }

    @Test
    void anExpiredEntryIsGone() {
        AtomicLong nanos = new AtomicLong();
        Cache cache = listened(new CaffeineAxonCache(Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofMinutes(1)).ticker(nanos::get)));
        cache.put("line-1", "state");
        nanos.addAndGet(Duration.ofMinutes(2).toNanos());

        assertThat(cache.<String, String>get("line-1")).isNull();
        assertThat(cache.containsKey("line-1")).isFalse();
    }

    @Test
    void getPutRemoveAndTheirListeners() {
        Cache cache = listened(new CaffeineAxonCache(Caffeine.newBuilder().maximumSize(10)));
        cache.put("a", 1);
        cache.put("a", 2);
        assertThat(cache.putIfAbsent("a", 3)).isFalse();
        assertThat(cache.putIfAbsent("b", 4)).isTrue();
        assertThat(cache.<String, Integer>get("a")).isEqualTo(2);
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        cache.removeAll();

        assertThat(cache.containsKey("b")).isFalse();
        assertThat(heard).containsExactly("created a", "updated a", "created b", "removed a", "removed b");
    }
}
