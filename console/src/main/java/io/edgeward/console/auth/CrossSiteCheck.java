package io.edgeward.console.auth;

import java.net.URI;
import java.util.Locale;

/**
 * Whether a state-changing request comes from the console's own pages. Browsers send {@code Sec-Fetch-Site} and
 * {@code Origin} on every POST; a request naming another site (or an opaque {@code null} origin, as from a sandboxed
 * frame or a data: URL) is refused before its CSRF token is even looked at. A client that sends neither (curl)
 * still needs the session cookie and the CSRF token. The origin is compared with the {@code Host} header, not the
 * scheme, so a TLS-terminating proxy in front keeps working.
 */
public final class CrossSiteCheck {

    private CrossSiteCheck() {
    }

    /** Null when the request may proceed, else why it is refused. */
    public static String refusal(String secFetchSite, String origin, String host) {
        if (secFetchSite != null) {
            String site = secFetchSite.strip().toLowerCase(Locale.ROOT);
            if (!site.equals("same-origin") && !site.equals("none")) {
                return "cross-site request refused (Sec-Fetch-Site: " + site + ")";
            }
        }
        if (origin != null) {
            String authority = authority(origin.strip());
            if (authority == null || host == null || !authority.equalsIgnoreCase(host.strip())) {
                return "cross-origin request refused";
            }
        }
        return null;
    }

    private static String authority(String origin) {
        if (origin.equals("null")) {
            return null;
        }
        try {
            URI uri = URI.create(origin);
            return uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
