package io.edgeward.protector.goodbots;

import io.edgeward.env.net.Cidr;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A crawler we let through once it proves who it is: its user agent matches {@code userAgentPattern}, and
 * its address is in {@code cidrs} or passes forward-confirmed reverse DNS under one of {@code reverseDnsSuffixes}
 * (lowercase, without a leading dot).
 */
public record GoodBot(String name, Pattern userAgentPattern, List<String> reverseDnsSuffixes, List<Cidr> cidrs) {

    public GoodBot {
        reverseDnsSuffixes = List.copyOf(reverseDnsSuffixes);
        cidrs = List.copyOf(cidrs);
    }

    public boolean claimedBy(String userAgent) {
        return userAgent != null && userAgentPattern.matcher(userAgent).find();
    }

    public boolean listedAddress(byte[] ip) {
        return cidrs.stream().anyMatch(c -> c.contains(ip));
    }

    /** Whether a reverse-DNS host name belongs to this bot: equal to a suffix or under it. */
    public boolean ownsHostName(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        for (String suffix : reverseDnsSuffixes) {
            if (h.equals(suffix) || h.endsWith("." + suffix)) {
                return true;
            }
        }
        return false;
    }
}
