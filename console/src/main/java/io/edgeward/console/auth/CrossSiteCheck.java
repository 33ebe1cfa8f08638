package io.edgeward.console.auth;

import java.net.URI;
import java.util.Locale;

/**
 * Whether a state-changing request comes from the console's own pages. Browsers send {@code Sec-Fetch-Site} on every
 * request: anything but {@code same-origin} (or {@code none}, a user-typed navigation) is refused before the CSRF
 * token is even looked at. {@code Origin}, when it names a host, must be the {@code Host} the request was sent to
 * (compared without the scheme, so a TLS-terminating proxy in front keeps working). {@code Origin: null} carries no
 * information: browsers send it on the console's own form posts because its pages set
 * {@code Referrer-Policy: no-referrer}, so it is neither accepted nor refused on its own; a null origin from a
 * sandboxed frame on another site comes with {@code Sec-Fetch-Site: cross-site}. A client that sends neither header
 * (curl) still needs the session cookie and the CSRF token.
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
        if (origin != null && !origin.strip().equals("null")) {
            String authority = authority(origin.strip());
            if (authority == null || host == null || !authority.equalsIgnoreCase(host.strip())) {
                return "cross-origin request refused";
            }
        }
        return null;
    }

    private static String authority(String origin) {
        try {
            return URI.create(origin).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
