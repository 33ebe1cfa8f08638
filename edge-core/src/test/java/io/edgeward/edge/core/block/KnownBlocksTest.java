package io.edgeward.edge.core.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.config.BlockConfig;
import io.edgeward.edge.core.decision.Action;
import io.edgeward.edge.core.decision.ProtectorAnswer;
import io.edgeward.edge.core.session.Session;
import org.junit.jupiter.api.Test;

/** Which blocks the edge holds without Protector, and for whom: narrow, so nobody can get others blocked. */
class KnownBlocksTest {

    private static final long NOW = 1_795_000_000L;
    private static final String BOT = "203.0.113.7";
    private static final String NEIGHBOUR_AGENT = "bmVpZ2hib3VyLWFnZW50LWg";

    private final KnownBlocks blocks = new KnownBlocks(new BlockConfig(300_000, 16));
    private final Session session = new Session("sid-1", NOW - 100, NOW + 86_000, NOW, 0, 0, "Ym90LWFnZW50LWhhc2gx");

    @Test
    void a_block_is_carried_until_the_decision_expires_when_that_comes_before_carry_max() {
        Session carried = blocks.remember(block("ip", NOW + 120), session, BOT, NOW);

        assertThat(carried.blockedUntil()).isEqualTo(NOW + 120);
        assertThat(carried.blockScope()).isEqualTo("ip");
        assertThat(carried.blockAddress()).isEqualTo(BOT);
    }

    @Test
    void a_block_is_carried_at_most_carry_max_so_an_unblock_takes_effect_within_it() {
        Session longDecision = blocks.remember(block("session", NOW + 86_400 * 30), session, BOT, NOW);
        Session noExpiry = blocks.remember(block("session", 0), session, BOT, NOW);

        assertThat(longDecision.blockedUntil()).isEqualTo(NOW + 300);
        assertThat(noExpiry.blockedUntil()).isEqualTo(NOW + 300);
        assertThat(blocks.carried(longDecision, BOT, NOW + 299)).isNotNull();
        assertThat(blocks.carried(longDecision, BOT, NOW + 300)).isNull();
    }

    @Test
    void an_address_block_carried_in_a_cookie_holds_only_from_that_address() {
        Session carried = blocks.remember(block("ip", NOW + 120), session, BOT, NOW);

        assertThat(blocks.carried(carried, BOT, NOW + 1)).isNotNull();
        assertThat(blocks.carried(carried, "198.51.100.1", NOW + 1)).isNull();
    }

    @Test
    void a_session_block_carried_in_a_cookie_holds_from_any_address() {
        Session carried = blocks.remember(block("session", NOW + 120), session, BOT, NOW);

        assertThat(blocks.carried(carried, "198.51.100.1", NOW + 1)).isNotNull();
    }

    @Test
    void an_address_block_is_remembered_for_cookieless_requests_from_that_address_whatever_their_agent() {
        blocks.remember(block("ip", NOW + 120), session, BOT, NOW);

        assertThat(blocks.before(null, BOT, NEIGHBOUR_AGENT, NOW + 1)).isNotNull();
        assertThat(blocks.before(null, "198.51.100.1", NEIGHBOUR_AGENT, NOW + 1)).isNull();
    }

    @Test
    void an_established_session_meets_the_address_cache_only_when_protector_is_unavailable() {
        blocks.remember(block("ip", NOW + 120), session, BOT, NOW);
        Session established = new Session("sid-3", NOW - 900, NOW + 86_000, NOW - 1, 5, NOW - 800, NEIGHBOUR_AGENT);

        assertThat(blocks.before(established, BOT, NEIGHBOUR_AGENT, NOW + 1)).as("asked about first").isNull();
        assertThat(blocks.forAddress(BOT, NOW + 1)).as("held when Protector cannot be asked").isNotNull();
    }

    @Test
    void a_user_agent_block_is_remembered_only_for_the_same_address_and_user_agent_without_a_cookie() {
        blocks.remember(block("user_agent", NOW + 120), session, BOT, NOW);
        Session neighbourSession = new Session("sid-2", NOW - 500, NOW + 86_000, NOW, 4, 0, session.userAgentHash());

        assertThat(blocks.before(null, BOT, session.userAgentHash(), NOW + 1)).isNotNull();
        assertThat(blocks.before(null, BOT, NEIGHBOUR_AGENT, NOW + 1)).as("another browser behind the same NAT")
                .isNull();
        assertThat(blocks.before(neighbourSession, BOT, session.userAgentHash(), NOW + 1))
                .as("an established session is asked about").isNull();
        assertThat(blocks.forAddress(BOT, NOW + 1)).as("not an address block").isNull();
    }

    @Test
    void a_session_fingerprint_or_campaign_block_is_carried_but_never_extended_to_neighbours_with_the_same_agent() {
        for (String scope : java.util.List.of("session", "ja4", "campaign")) {
            Session carried = blocks.remember(block(scope, NOW + 120), session, BOT, NOW);

            assertThat(carried.blockScope()).as(scope).isEqualTo(scope);
            assertThat(blocks.before(null, BOT, session.userAgentHash(), NOW + 1)).as(scope).isNull();
        }
        assertThat(blocks.cache().isEmpty()).isTrue();
    }

    @Test
    void a_route_block_and_a_block_without_a_stored_decision_are_neither_carried_nor_cached() {
        Session route = blocks.remember(block("route", NOW + 120), session, BOT, NOW);
        Session rule = blocks.remember(block(null, 0), session, BOT, NOW);

        assertThat(route.blockedUntil()).isZero();
        assertThat(rule.blockedUntil()).isZero();
        assertThat(blocks.cache().isEmpty()).isTrue();
    }

    @Test
    void a_block_answer_that_already_ran_out_is_not_remembered() {
        Session carried = blocks.remember(block("ip", NOW - 1), session, BOT, NOW);

        assertThat(carried.blockedUntil()).isZero();
        assertThat(blocks.forAddress(BOT, NOW)).isNull();
    }

    @Test
    void the_address_cache_forgets_a_block_after_carry_max() {
        blocks.remember(block("ip", 0), session, BOT, NOW);

        assertThat(blocks.forAddress(BOT, NOW + 299)).isNotNull();
        assertThat(blocks.forAddress(BOT, NOW + 300)).isNull();
    }

    @Test
    void an_address_block_holds_for_every_spelling_of_that_address() {
        Session carried = blocks.remember(block("ip", NOW + 120), session, "2001:0DB8:85a3:0:0:8a2e:0370:7334", NOW);
        blocks.remember(block("cidr", NOW + 120), session, "::ffff:" + BOT, NOW);

        assertThat(carried.blockAddress()).isEqualTo("2001:db8:85a3::8a2e:370:7334");
        assertThat(blocks.carried(carried, "2001:db8:85a3::8a2e:370:7334", NOW + 1)).isNotNull();
        assertThat(blocks.forAddress("2001:db8:85a3::8a2e:370:7334", NOW + 1)).isNotNull();
        assertThat(blocks.forAddress(BOT, NOW + 1)).isNotNull();
        assertThat(blocks.carried(carried, "2001:db8:85a3::8a2e:370:7335", NOW + 1)).isNull();
    }

    @Test
    void an_address_block_without_its_address_holds_for_no_address() {
        Session noAddress = session.blocked(NOW + 120, "ip", null);

        assertThat(blocks.carried(noAddress, BOT, NOW + 1)).isNull();
        assertThat(blocks.carried(noAddress, "null", NOW + 1)).isNull();
    }

    private static ProtectorAnswer block(String scope, long until) {
        return new ProtectorAnswer(Action.BLOCK, 0, "blocked", "d-1", null, scope, until);
    }
}
