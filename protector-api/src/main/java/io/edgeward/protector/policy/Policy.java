package io.edgeward.protector.policy;

import io.edgeward.protector.goodbots.GoodBot;
import io.edgeward.protector.rules.RequestRules;

import java.util.List;

/** Protector's part of the policy file, compiled: request-time rules and good bots. */
public record Policy(String source, RequestRules requestRules, List<GoodBot> goodBots) {

    public Policy {
        goodBots = List.copyOf(goodBots);
    }
}
