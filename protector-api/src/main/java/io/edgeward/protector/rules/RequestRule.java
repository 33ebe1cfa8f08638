package io.edgeward.protector.rules;

import io.edgeward.protector.decision.Action;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One request-time rule: every condition that is set must hold. Built from the policy file's
 * {@code requestRules} (see docs/policy.md); a rule with no condition is rejected there.
 *
 * @param userAgentContains lowercase substrings, any of which matches (empty: no condition)
 * @param userAgentPattern  a regex found anywhere in the user agent, or null
 * @param methods           uppercase methods, or empty for any
 * @param htmlNavigation    when true, only GET/HEAD requests that accept text/html or say sec-fetch-mode navigate
 * @param missingHeaders    lowercase header names that must all be absent
 */
public record RequestRule(
        String name,
        Action action,
        String reason,
        List<String> userAgentContains,
        Pattern userAgentPattern,
        boolean userAgentMissing,
        Set<String> methods,
        boolean htmlNavigation,
        List<String> missingHeaders,
        Set<String> ja4,
        List<String> pathPrefixes) {

    /** Whether the rule matches, given whether its user-agent conditions hold (they are cached per user agent). */
    public boolean matches(RuleInput in, boolean userAgentConditionsHold) {
        return userAgentConditionsHold
                && (methods.isEmpty() || (in.method() != null && methods.contains(in.method().toUpperCase(Locale.ROOT))))
                && (!htmlNavigation || isHtmlNavigation(in))
                && missingHeaders.stream().allMatch(h -> in.header(h) == null)
                && (ja4.isEmpty() || (in.ja4() != null && ja4.contains(in.ja4())))
                && (pathPrefixes.isEmpty() || (in.path() != null && pathPrefixes.stream().anyMatch(in.path()::startsWith)));
    }

    public boolean userAgentConditionsHold(String userAgent) {
        boolean missing = userAgent == null || userAgent.isBlank();
        if (userAgentMissing && !missing) {
            return false;
        }
        if (!userAgentContains.isEmpty()) {
            if (missing) {
                return false;
            }
            String lower = userAgent.toLowerCase(Locale.ROOT);
            if (userAgentContains.stream().noneMatch(lower::contains)) {
                return false;
            }
        }
        return userAgentPattern == null || (!missing && userAgentPattern.matcher(userAgent).find());
    }

    private static boolean isHtmlNavigation(RuleInput in) {
        String method = in.method() == null ? "" : in.method().toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return false;
        }
        String accept = in.header("accept");
        return "navigate".equals(in.header("sec-fetch-mode"))
                || (accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html"));
    }
}
