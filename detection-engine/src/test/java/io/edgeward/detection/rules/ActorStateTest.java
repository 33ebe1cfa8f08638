package io.edgeward.detection.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActorStateTest {

    @Test
    void survives_serialization_with_events_quiet_times_and_address() {
        ActorState state = new ActorState();
        for (int i = 0; i < 40; i++) {
            state.append(new RequestEvent(1_000 + i, Signals.PAGE, i, 7, i), 0, 256);
        }
        state.quietUntil(3, 99_999);
        state.notedIp("203.0.113.9", 1_020);

        ActorState copy = ActorState.fromBytes(state.toBytes());

        assertThat(copy.size()).isEqualTo(40);
        assertThat(copy.time(39)).isEqualTo(1_039);
        assertThat(copy.path(12)).isEqualTo(12);
        assertThat(copy.isQuiet(3, 50_000)).isTrue();
        assertThat(copy.isQuiet(4, 50_000)).isFalse();
        assertThat(copy.lastIp()).isEqualTo("203.0.113.9");
        assertThat(ActorState.lastSeenOf(state.toBytes())).isEqualTo(1_039);
    }

    @Test
    void keeps_only_the_newest_events_within_the_cap_and_the_retention() {
        ActorState state = new ActorState();
        for (int i = 0; i < 300; i++) {
            state.append(RequestEvent.marker(i * 1_000L, Signals.PAGE), 0, 256);
        }
        assertThat(state.size()).isEqualTo(256);
        assertThat(state.time(0)).isEqualTo(44_000);

        state.append(RequestEvent.marker(400_000, Signals.PAGE), 290_000, 256);
        assertThat(state.time(0)).isEqualTo(290_000);
        assertThat(state.size()).isEqualTo(11);
    }
}
