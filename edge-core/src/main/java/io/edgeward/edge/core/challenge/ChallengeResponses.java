package io.edgeward.edge.core.challenge;

import io.edgeward.edge.core.decision.ViewerRequest;
import io.edgeward.edge.core.event.CfHeaders;
import io.edgeward.edge.core.event.CfResponse;
import io.edgeward.edge.core.port.JsonCodec;
import io.edgeward.edge.core.response.Html;
import io.edgeward.edge.core.text.Utf8;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The responses of the challenge flow. A challenge is {@code 403} with the page for clients whose {@code Accept}
 * names HTML, otherwise the JSON envelope {@code {"action":"challenge","challengeUrl","reason","requestId",
 * "challenge"?}} (the optional {@code challenge} object lets a single-page application solve it and post the answer
 * itself). A passed challenge is {@code 303} to the return path, or {@code 200 {"ok":true,"returnTo"}} for JSON
 * clients. All carry {@code x-edgeward-action: challenge} and {@code cache-control: no-store}.
 */
public final class ChallengeResponses {

    public static final int CHALLENGE_STATUS = 403;
    /** Lambda@Edge rejects generated viewer-request responses over 40 KB (body and headers). */
    public static final int GENERATED_LIMIT = 40 * 1024;
    static final int MAX_URL = 2048;
    static final int MAX_TEXT = 256;

    private final JsonCodec json;
    private final ChallengePage page;

    /**
     * @throws IllegalArgumentException when the page with this operator's template and texts could exceed the
     *                                  generated response limit (checked once, at start-up, with the largest values)
     */
    public ChallengeResponses(JsonCodec json, ChallengePage page) {
        this.json = json;
        this.page = page;
        // Rendering the worst case costs milliseconds of a Lambda cold start; the built-in page is checked by a test.
        int worst = page.builtIn() ? 0 : worstCaseBytes(page);
        if (worst > GENERATED_LIMIT - 4096) {
            throw new IllegalArgumentException("the challenge page can reach " + worst + " bytes with this "
                    + "challenge.template and challenge.strings; Lambda@Edge allows " + GENERATED_LIMIT
                    + " including headers");
        }
    }

    /** A challenge at the visitor's own URL; {@code offer} and {@code setCookie} may be null. */
    public CfResponse challenge(ViewerRequest request, ChallengeOffer offer, String reason, String setCookie) {
        return challenge(request, offer, reason, setCookie, challengeUrl(request), false);
    }

    /** A fresh challenge after a rejected answer, to be taken at {@code url}. */
    CfResponse retry(ViewerRequest request, ChallengeOffer offer, String reason, String url, boolean jsonClient) {
        return challenge(request, offer, reason, null, url, true, jsonClient);
    }

    private CfResponse challenge(ViewerRequest request, ChallengeOffer offer, String reason, String setCookie,
                                 String url, boolean failed) {
        return challenge(request, offer, reason, setCookie, url, failed, !Html.wantedBy(request.accept()));
    }

    private CfResponse challenge(ViewerRequest request, ChallengeOffer offer, String reason, String setCookie,
                                 String url, boolean failed, boolean jsonClient) {
        String requestId = bounded(request.event().config().requestId());
        if (!jsonClient) {
            return response(CHALLENGE_STATUS, "Forbidden", "text/html; charset=utf-8",
                    page.render(offer, url, requestId, failed), setCookie);
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("action", "challenge");
        if (failed) {
            envelope.put("ok", false);
        }
        envelope.put("challengeUrl", url);
        envelope.put("reason", reason == null ? null : bounded(reason));
        envelope.put("requestId", requestId);
        if (offer != null) {
            envelope.put("challenge", offer.toJson());
        }
        return response(CHALLENGE_STATUS, "Forbidden", "application/json", json.write(envelope), setCookie);
    }

    /** The challenge was passed: back to {@code returnTo} (a same-site path) with the upgraded cookie. */
    CfResponse passed(String returnTo, String setCookie, boolean jsonClient) {
        if (jsonClient) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ok", true);
            body.put("returnTo", returnTo);
            return response(200, "OK", "application/json", json.write(body), setCookie);
        }
        return response(303, "See Other", "text/plain; charset=utf-8", "", setCookie).withHeader("Location", returnTo);
    }

    /** Protector could not be asked: the visitor goes back (and is served, since the edge then fails open). */
    CfResponse unverified(String returnTo, boolean jsonClient) {
        if (jsonClient) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ok", false);
            body.put("reason", "unavailable");
            body.put("returnTo", returnTo);
            return response(503, "Service Unavailable", "application/json", json.write(body), null);
        }
        return response(303, "See Other", "text/plain; charset=utf-8", "", null).withHeader("Location", returnTo);
    }

    CfResponse methodNotAllowed() {
        return response(405, "Method Not Allowed", "text/plain; charset=utf-8", "POST only\n", null)
                .withHeader("Allow", "POST");
    }

    /** The visitor's own URL; an absurdly long one (only bots send those) falls back to the site's root. */
    static String challengeUrl(ViewerRequest request) {
        String url = request.url();
        if (url.length() <= MAX_URL) {
            return url;
        }
        String host = request.host();
        return host.length() > 253 ? "/" : "https://" + host + "/";
    }

    static String siteUrl(ViewerRequest request, String path) {
        String host = request.host();
        return host.length() > 253 ? path : "https://" + host + path;
    }

    private static String bounded(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    private static CfResponse response(int status, String description, String contentType, String body,
                                       String setCookie) {
        CfHeaders headers = CfHeaders.empty()
                .with("Content-Type", contentType)
                .with("Cache-Control", "no-store")
                .with("X-Edgeward-Action", "challenge")
                .with("X-Content-Type-Options", "nosniff")
                .with("Referrer-Policy", "same-origin");
        if (setCookie != null) {
            headers = headers.with("Set-Cookie", setCookie);
        }
        return CfResponse.generated(status, description, headers, body);
    }

    /** The page with every variable part at its largest: a token, URL and reference at their bounds, all escaped. */
    static int worstCaseBytes(ChallengePage page) {
        StringBuilder token = new StringBuilder();
        StringBuilder url = new StringBuilder("https://");
        StringBuilder requestId = new StringBuilder();
        while (token.length() < ChallengeOffer.MAX_TOKEN) {
            token.append('a');
        }
        while (url.length() < MAX_URL) {
            url.append('&'); // escapes to five characters
        }
        while (requestId.length() < MAX_TEXT) {
            requestId.append('"');
        }
        StringBuilder key = new StringBuilder();
        while (key.length() < ChallengeOffer.MAX_SITE_KEY) {
            key.append('&');
        }
        int largest = 0;
        for (ChallengeOffer offer : new ChallengeOffer[] {null,
                new ChallengeOffer(token.toString(), Providers.POW, 32, null),
                new ChallengeOffer(token.toString(), Providers.RECAPTCHA, 0, key.toString())}) {
            String html = page.render(offer, url.toString(), requestId.toString(), true);
            largest = Math.max(largest, Utf8.encodedLength(html));
        }
        return largest;
    }
}
