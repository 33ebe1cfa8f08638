package io.edgeward.detection.policy;

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
    SESSION_SHARED("session.shared");

    public enum Param { RATIO, DISTINCT_IPS, SCOPES, GRACE }

    private final String key;
    private final Set<Param> params;

    RuleName(String key, Param... params) {
        this.key = key;
        this.params = params.length == 0 ? EnumSet.noneOf(Param.class) : EnumSet.of(params[0], params);
    }

    public String key() {
        return key;
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
