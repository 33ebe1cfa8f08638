package io.edgeward.edge.core.block;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One test per rule of the bounded block cache; time is passed in, never slept. */
class BlockCacheTest {

    private static final long NOW = 1_795_000_000L;

    @Test
    void an_entry_holds_until_its_time_and_not_a_second_longer() {
        BlockCache cache = new BlockCache(4);
        cache.put("a|203.0.113.7", NOW + 60, "ip", NOW);

        assertThat(cache.get("a|203.0.113.7", NOW + 59)).isEqualTo(new BlockCache.Entry(NOW + 60, "ip"));
        assertThat(cache.get("a|203.0.113.7", NOW + 60)).isNull();
        assertThat(cache.size()).as("an expired entry met is dropped").isZero();
    }

    @Test
    void a_full_cache_evicts_the_oldest_entry_first() {
        BlockCache cache = new BlockCache(3);
        for (int i = 1; i <= 4; i++) {
            cache.put("a|198.51.100." + i, NOW + 300, "ip", NOW);
        }

        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.get("a|198.51.100.1", NOW)).isNull();
        assertThat(cache.get("a|198.51.100.4", NOW)).isNotNull();
    }

    @Test
    void a_renewed_block_counts_as_the_newest() {
        BlockCache cache = new BlockCache(2);
        cache.put("a|1", NOW + 300, "ip", NOW);
        cache.put("a|2", NOW + 300, "ip", NOW);
        cache.put("a|1", NOW + 300, "ip", NOW);
        cache.put("a|3", NOW + 300, "ip", NOW);

        assertThat(cache.get("a|1", NOW)).isNotNull();
        assertThat(cache.get("a|2", NOW)).isNull();
    }

    @Test
    void expired_entries_make_room_before_a_live_one_is_evicted() {
        BlockCache cache = new BlockCache(2);
        cache.put("a|old", NOW + 10, "ip", NOW);
        cache.put("a|live", NOW + 300, "ip", NOW);

        cache.put("a|new", NOW + 300, "ip", NOW + 20);

        assertThat(cache.get("a|live", NOW + 20)).isNotNull();
        assertThat(cache.get("a|new", NOW + 20)).isNotNull();
    }

    @Test
    void an_attacker_chosen_overlong_key_an_expired_block_and_a_zero_capacity_keep_nothing() {
        BlockCache cache = new BlockCache(4);
        cache.put("a|" + "x".repeat(500), NOW + 300, "ip", NOW);
        cache.put("a|203.0.113.7", NOW, "ip", NOW);
        BlockCache off = new BlockCache(0);
        off.put("a|203.0.113.7", NOW + 300, "ip", NOW);

        assertThat(cache.isEmpty()).isTrue();
        assertThat(off.get("a|203.0.113.7", NOW)).isNull();
    }
}
