package io.edgeward.edge.core.response;

import io.edgeward.edge.core.challenge.ChallengeOffer;
import io.edgeward.edge.core.challenge.ChallengeResponses;
import io.edgeward.edge.core.config.ChallengeConfig;
import io.edgeward.edge.core.decision.ViewerRequest;
import io.edgeward.edge.core.event.CfHeaders;
import io.edgeward.edge.core.event.CfResponse;
import io.edgeward.edge.core.port.JsonCodec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The responses the edge generates. Both are {@code 403} (a challenge is not rate limiting, and 429 invites
 * automatic retries), carry {@code x-edgeward-action} and {@code cache-control: no-store}, and are an HTML page when
 * the client's {@code Accept} names {@code text/html} (browser navigations), otherwise a JSON envelope
 * {@code {"action","challengeUrl"?,"reason","requestId"}} with the same status, for fetch/XHR and API clients.
 * Pages stay far below Lambda@Edge's 40 KB generated-response limit.
 */
public final class MitigationResponses {

    public static final int BLOCK_STATUS = 403;
    /** Lambda@Edge rejects generated viewer responses over 40 KB; our values are bounded well below it. */
    static final int MAX_TEXT = 256;

    private final JsonCodec json;
    private final ChallengeResponses challenges;

    public MitigationResponses(JsonCodec json, ChallengeConfig challenge) {
        this(json, new ChallengeResponses(json, challenge.page()));
    }

    public MitigationResponses(JsonCodec json, ChallengeResponses challenges) {
        this.json = json;
        this.challenges = challenges;
    }

    /** A block; {@code setCookie} (may be null) is set on the response. */
    public CfResponse block(ViewerRequest request, String reason, String setCookie) {
        String requestId = bounded(request.event().config().requestId());
        reason = reason == null ? null : bounded(reason);
        if (Html.wantedBy(request.accept())) {
            return response(BLOCK_STATUS, "block", "text/html; charset=utf-8", Pages.block(Html.escape(requestId)),
                    setCookie);
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("action", "block");
        envelope.put("reason", reason);
        envelope.put("requestId", requestId);
        return response(BLOCK_STATUS, "block", "application/json", json.write(envelope), setCookie);
    }

    /** A challenge, taken at the visitor's own URL; {@code setCookie} (may be null) is set on the response. */
    public CfResponse challenge(ViewerRequest request, String reason, String setCookie) {
        return challenge(request, null, reason, setCookie);
    }

    /** A challenge with the offer Protector issued (null: a page without a solvable challenge, see challenge/). */
    public CfResponse challenge(ViewerRequest request, ChallengeOffer offer, String reason, String setCookie) {
        return challenges.challenge(request, offer, reason, setCookie);
    }

    private static String bounded(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    private static CfResponse response(int status, String action, String contentType, String body,
                                       String setCookie) {
        CfHeaders headers = CfHeaders.empty()
                .with("Content-Type", contentType)
                .with("Cache-Control", "no-store")
                .with("X-Edgeward-Action", action)
                .with("X-Content-Type-Options", "nosniff");
        if (setCookie != null) {
            headers = headers.with("Set-Cookie", setCookie);
        }
        return CfResponse.generated(status, "Forbidden", headers, body);
    }
}
