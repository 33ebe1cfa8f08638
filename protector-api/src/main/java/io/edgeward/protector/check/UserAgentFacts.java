package io.edgeward.protector.check;

import io.edgeward.protector.goodbots.GoodBot;
import io.edgeward.protector.goodbots.GoodBotVerifier;
import io.edgeward.protector.rules.RequestRules;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What depends on the user agent alone — which good bot it claims, which rules' user-agent conditions hold —
 * computed once per distinct user agent. Real traffic repeats a few thousand user agents, and the regexes and
 * substring scans are most of a check's CPU. Bounded in entries and bytes: at most {@value #MAX_ENTRIES} user
 * agents of at most {@value #MAX_CACHED_LENGTH} characters (longer ones are computed on every check, never kept),
 * so at most about 25 MB; when full it starts over, so a flood of unique user agents costs what no cache would.
 */
final class UserAgentFacts {

    static final int MAX_ENTRIES = 20_000;
    static final int MAX_CACHED_LENGTH = 512;

    record Facts(GoodBot claimedBot, boolean[] ruleUserAgentHolds) {
    }

    private final GoodBotVerifier goodBots;
    private final RequestRules rules;
    private final Map<String, Facts> cache = new ConcurrentHashMap<>();

    UserAgentFacts(GoodBotVerifier goodBots, RequestRules rules) {
        this.goodBots = goodBots;
        this.rules = rules;
    }

    Facts of(String userAgent) {
        String key = userAgent == null ? "" : userAgent;
        Facts facts = cache.get(key);
        if (facts == null) {
            facts = new Facts(goodBots.claimedBot(userAgent), rules.userAgentConditions(userAgent));
            if (key.length() > MAX_CACHED_LENGTH) {
                return facts;
            }
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(key, facts);
        }
        return facts;
    }
}
