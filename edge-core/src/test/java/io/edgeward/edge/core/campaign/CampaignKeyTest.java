package io.edgeward.edge.core.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.edgeward.edge.core.testing.TestPorts;
import org.junit.jupiter.api.Test;

class CampaignKeyTest {

    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
            + "Gecko) Chrome/131.0.0.0 Safari/537.36";

    @Test
    void key_is_sixteen_hex_characters_of_sha256_over_the_documented_material() {
        // sha256("a\nb\nc\nd") starts with these 8 bytes (computed with sha256sum).
        assertEquals("f729ae0cbcc8241e", CampaignKey.of("a", "b", "c", "d", TestPorts::sha256));
    }

    @Test
    void same_browser_with_another_header_order_is_another_campaign() {
        String a = CampaignKey.of(CHROME, "host,user-agent,accept", "en-GB", null, TestPorts::sha256);
        String b = CampaignKey.of(CHROME, "host,accept,user-agent", "en-GB", null, TestPorts::sha256);
        assertNotEquals(a, b);
    }

    @Test
    void null_parts_count_as_empty() {
        assertEquals(CampaignKey.of(CHROME, "", "", "", TestPorts::sha256),
                CampaignKey.of(CHROME, null, null, null, TestPorts::sha256));
    }
}
