package io.edgeward.detection.policy;

import io.edgeward.detection.topics.RecordField;
import java.util.EnumSet;
import java.util.Set;

/**
 * The rules the engine knows, with the optional settings each one takes. Names are the keys under
 * {@code detection.rules} and the {@code rule} of every detection ({@code source = detection:<name>}).
 */
public enum RuleName {
    SCRAPING_NO_ASSETS("scraping.no-assets", Param.RATIO),
    SCRAPING_ENUMERATION("scraping.enumeration"),
    SCRAPING_BREADTH("scraping.breadth"),
    CREDENTIAL_STUFFING("credential-stuffing.failures"),
    CREDENTIAL_STUFFING_DISTRIBUTED("credential-stuffing.distributed", Param.RATIO, Param.DISTINCT_IPS, Param.SCOPES),
    SCANNING_ERRORS("scanning.errors", Param.RATIO),
    SCANNING_PROBES("scanning.probe-paths"),
    SCALPING_CART("scalping.cart-add"),
    ACCOUNT_CREATION("account-creation.signups"),
    CARDING("carding.payment-failures"),
    AUTOMATION_USER_AGENT("automation.user-agent"),
    AUTOMATION_MISSING_HEADERS("automation.missing-headers"),
    COOKIE_REFUSAL("cookies.refused", Param.RATIO, Param.GRACE),
    SESSION_SHARED("session.shared"),
    // new rules go last: ordinals index the quiet periods kept in actor state
    /** Sessionless requests for one route from many addresses sharing a campaign key, whose sessions never return. */
    CAMPAIGN_SESSIONLESS("campaign.sessionless", Param.RATIO, Param.DISTINCT_IPS, Param.GRACE),
    /** A rate budget exceeded; configured under {@code detection.budgets}, not {@code rules}. */
    RATE_ROUTE("rate.route", false),
    /** A route under a surge of sessionless requests; configured under {@code detection.underAttack}. */
    ROUTE_UNDER_ATTACK("route.under-attack", false),
    /** Pages requested at a machine's even pace: the spread of the gaps is at most ratio of their mean. */
    PACE_REGULAR("pace.regular", Param.RATIO);

    public enum Param { RATIO, DISTINCT_IPS, SCOPES, GRACE }

    private final String key;
    private final Set<Param> params;
    private final boolean configurable;

    RuleName(String key, Param... params) {
        this(key, true, params);
    }

    RuleName(String key, boolean configurable, Param... params) {
        this.key = key;
        this.configurable = configurable;
        this.params = params.length == 0 ? EnumSet.noneOf(Param.class) : EnumSet.of(params[0], params);
    }

    /** Whether the rule is set under {@code detection.rules} (the others have sections of their own). */
    public boolean configurable() {
        return configurable;
    }

    public String key() {
        return key;
    }

    /**
     * The record fields whose absence this rule reads as evidence. The rule never runs on a record whose source
     * cannot see one of them (a CloudFront standard log has no {@code Accept-Language}, an Apache log no cookie).
     */
    public Set<RecordField> needs() {
        return switch (this) {
            case AUTOMATION_USER_AGENT -> EnumSet.of(RecordField.USER_AGENT);
            case AUTOMATION_MISSING_HEADERS -> EnumSet.of(RecordField.ACCEPT_LANGUAGE);
            case COOKIE_REFUSAL, SESSION_SHARED, CAMPAIGN_SESSIONLESS -> EnumSet.of(RecordField.COOKIE);
            default -> EnumSet.noneOf(RecordField.class);
        };
    }

    /** Whether a record whose source saw {@code observed} can show what this rule looks for. */
    public boolean runsOn(Set<RecordField> observed) {
        return observed.containsAll(needs());
    }

    public boolean takes(Param param) {
        return params.contains(param);
    }

    public static RuleName fromKey(String key) {
        for (RuleName name : values()) {
            if (name.key.equals(key)) {
                return name;
            }
        }
        return null;
    }
}
