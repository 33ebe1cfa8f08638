package io.edgeward.edge.core.challenge;

import io.edgeward.edge.core.event.CfRequest;
import io.edgeward.edge.core.event.RequestBody;
import io.edgeward.edge.core.mark.PercentEncoding;
import io.edgeward.edge.core.port.JsonCodec;
import io.edgeward.edge.core.text.Utf8;
import java.util.Map;

/**
 * A challenge answer as posted to {@link ChallengeRelay#VERIFY_PATH}: form-encoded (the page's form) or JSON
 * (single-page applications), {@code token} and {@code answer}; a third-party widget's own field
 * ({@code h-captcha-response}, {@code g-recaptcha-response}, {@code cf-turnstile-response}) stands in for
 * {@code answer}. {@code json} says the client posted JSON and so wants JSON back. {@code automation} is what the
 * challenge page found the browser declares (comma-separated marker words; null when the field is absent or empty),
 * bounded to {@link #MAX_AUTOMATION} characters.
 */
public record VerifyForm(String token, String answer, boolean json, String automation) {

    static final int MAX_AUTOMATION = 256;

    public VerifyForm(String token, String answer, boolean json) {
        this(token, answer, json, null);
    }

    /** Larger bodies are refused; real answers are a token (under 1 KB) and at most a few KB of provider token. */
    static final int MAX_BODY = 16 * 1024;
    static final int MAX_ANSWER = 8 * 1024;

    /** Why an answer could not even be read; {@code reason} is a short stable word for logs and metrics. */
    public static final class Unreadable extends RuntimeException {
        private final String reason;

        Unreadable(String reason) {
            super(reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** @throws Unreadable when the body is missing, truncated, too large, not decodable, or lacks a field */
    public static VerifyForm read(CfRequest request, JsonCodec codec) {
        RequestBody body = request.body();
        if (body == null || body.data().isEmpty()) {
            throw new Unreadable("no_body");
        }
        if (body.inputTruncated() || body.data().length() > MAX_BODY * 4 / 3 + 4) {
            throw new Unreadable("body_too_large");
        }
        byte[] bytes = body.bytes();
        if (bytes == null) {
            throw new Unreadable("body_not_base64");
        }
        String text = Utf8.decode(bytes);
        String contentType = request.header("content-type");
        boolean json = contentType != null && contentType.toLowerCase().indexOf("json") >= 0;
        return json ? fromJson(text, codec) : fromForm(text);
    }

    private static VerifyForm fromJson(String text, JsonCodec codec) {
        Map<String, Object> map;
        try {
            map = codec.parseObject(text);
        } catch (IllegalArgumentException notJson) {
            throw new Unreadable("body_not_json");
        }
        Object token = map.get("token");
        Object answer = map.get("answer");
        Object automation = map.get("automation");
        return checked(token instanceof String ? (String) token : null,
                answer instanceof String ? (String) answer : null, true,
                automation instanceof String ? (String) automation : null);
    }

    private static VerifyForm fromForm(String text) {
        String token = null;
        String answer = null;
        String widgetAnswer = null;
        String automation = null;
        int i = 0;
        while (i <= text.length()) {
            int end = text.indexOf('&', i);
            if (end < 0) {
                end = text.length();
            }
            int eq = text.indexOf('=', i);
            if (eq > i && eq < end) {
                String name = PercentEncoding.decode(text.substring(i, eq), true);
                String value = PercentEncoding.decode(text.substring(eq + 1, end), true);
                if ("token".equals(name)) {
                    token = value;
                } else if ("answer".equals(name)) {
                    answer = value;
                } else if ("automation".equals(name)) {
                    automation = value;
                } else if (isWidgetField(name) && !value.isEmpty()) {
                    widgetAnswer = value;
                }
            }
            i = end + 1;
        }
        return checked(token, answer == null || answer.isEmpty() ? widgetAnswer : answer, false, automation);
    }

    private static VerifyForm checked(String token, String answer, boolean json, String automation) {
        if (token == null || token.isEmpty() || token.length() > ChallengeOffer.MAX_TOKEN) {
            throw new Unreadable("no_token");
        }
        if (answer == null || answer.isEmpty() || answer.length() > MAX_ANSWER) {
            throw new Unreadable("no_answer");
        }
        String declared = automation == null || automation.isEmpty() ? null
                : automation.length() > MAX_AUTOMATION ? automation.substring(0, MAX_AUTOMATION) : automation;
        return new VerifyForm(token, answer, json, declared);
    }

    private static boolean isWidgetField(String name) {
        for (String field : Providers.RESPONSE_FIELDS) {
            if (field.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
