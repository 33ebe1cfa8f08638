package io.edgeward.edge.core.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.config.CheckIntervalConfig;
import io.edgeward.edge.core.session.Session;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckIntervalsTest {

    private static final long NOW = 1_795_000_000L;
    private final CheckIntervals intervals = new CheckIntervals(new CheckIntervalConfig(5000, 60_000));
    private final Session fresh = new Session("sid", NOW, NOW + 86_400, NOW, 0, 0, "uah");

    @Test
    void allow_interval_starts_at_five_seconds_and_doubles_to_the_max() {
        Session session = fresh;
        long now = NOW;
        List<Long> cached = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            session = intervals.apply(session, answer(Action.ALLOW, Long.MAX_VALUE), now);
            cached.add(session.checkedUntil() - now);
            now = session.checkedUntil();
        }

        assertThat(cached).containsExactly(5L, 10L, 20L, 40L, 60L, 60L, 60L);
        assertThat(session.generation()).isEqualTo(7);
    }

    @Test
    void protector_ttl_caps_the_cached_answer() {
        Session session = intervals.apply(fresh.checkedUntil(NOW, 4), answer(Action.ALLOW, 7), NOW);

        assertThat(session.checkedUntil()).isEqualTo(NOW + 7);
    }

    @Test
    void cached_answer_never_outlives_the_session() {
        Session ending = new Session("sid", NOW - 86_390, NOW + 10, NOW, 6, 0, "uah");

        assertThat(intervals.apply(ending, answer(Action.ALLOW, 60), NOW).checkedUntil()).isEqualTo(NOW + 10);
    }

    @Test
    void monitor_is_cached_for_the_initial_interval_and_resets_good_standing() {
        Session session = intervals.apply(fresh.checkedUntil(NOW, 5), answer(Action.MONITOR, 60), NOW);

        assertThat(session.checkedUntil()).isEqualTo(NOW + 5);
        assertThat(session.generation()).isZero();
    }

    @Test
    void challenge_and_block_are_not_cached() {
        Session established = fresh.checkedUntil(NOW, 5);

        assertThat(intervals.apply(established, answer(Action.BLOCK, 60), NOW).checkedAt(NOW)).isFalse();
        assertThat(intervals.apply(established, answer(Action.CHALLENGE, 60), NOW).generation()).isZero();
    }

    private static ProtectorAnswer answer(Action action, long ttl) {
        return new ProtectorAnswer(action, ttl, null, null);
    }
}
