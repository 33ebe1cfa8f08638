package io.edgeward.edge.core.challenge;

import io.edgeward.edge.core.port.JsonCodec;
import io.edgeward.edge.core.text.Base64Codec;
import io.edgeward.edge.core.text.Utf8;
import java.util.Map;

/**
 * Reads the return path out of a challenge token's payload without verifying it (the edge does not hold
 * Protector's key). Used only where Protector could not be asked, to send the visitor back where they were; the
 * value still passes {@link ReturnPath#safe}, so a forged token can at most pick another path on this site.
 */
final class TokenPeek {

    private TokenPeek() {
    }

    static String returnTo(String token, JsonCodec json) {
        if (token == null) {
            return "/";
        }
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0) {
            return "/";
        }
        try {
            byte[] payload = Base64Codec.decodeUrl(token.substring(first + 1, second));
            Map<String, Object> claims = json.parseObject(Utf8.decode(payload));
            Object ret = claims.get("ret");
            return ReturnPath.safe(ret instanceof String ? (String) ret : null);
        } catch (IllegalArgumentException unreadable) {
            return "/";
        }
    }
}
