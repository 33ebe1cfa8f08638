package io.edgeward.edge.core.challenge;

import io.edgeward.edge.core.response.Html;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the challenge page from the template and texts. With an offer, the page carries a form posting the token
 * and the answer to {@link ChallengeRelay#VERIFY_PATH}: the proof-of-work widget (hidden until its script runs, so
 * a browser without JavaScript shows only the {@code <noscript>} message) or the third-party provider's widget.
 * Without an offer (an older Protector, or none could be made) the page offers a link back to the visitor's URL.
 */
public final class ChallengePage {

    private final PageTemplate template;
    private final ChallengeTexts texts;
    private final boolean builtIn;

    public ChallengePage(PageTemplate template, ChallengeTexts texts) {
        this(template, texts, false);
    }

    private ChallengePage(PageTemplate template, ChallengeTexts texts, boolean builtIn) {
        this.template = template;
        this.texts = texts;
        this.builtIn = builtIn;
    }

    public static ChallengePage defaults() {
        return new ChallengePage(PageTemplate.defaultTemplate(), ChallengeTexts.english(), true);
    }

    /** The built-in template and texts, whose worst case ChallengePageTest keeps under the response limit. */
    public boolean builtIn() {
        return builtIn;
    }

    /**
     * @param offer     the challenge to take, or null
     * @param retryUrl  the visitor's own URL (for the link when there is no offer)
     * @param requestId CloudFront's request id, shown as a reference
     * @param failed    whether the visitor's last answer was rejected (a notice says so)
     */
    public String render(ChallengeOffer offer, String retryUrl, String requestId, boolean failed) {
        Map<String, String> values = new HashMap<>();
        for (String key : new String[] {"lang", "title", "heading", "noscript", "reference"}) {
            values.put(key, text(key));
        }
        values.put("requestId", Html.escape(requestId));
        values.put("notice", failed ? "<p class=\"ew-notice\" role=\"alert\">" + text("failed") + "</p>" : "");
        if (offer == null) {
            values.put("message", text("unavailable"));
            values.put("widget", "<p><a href=\"" + Html.escape(retryUrl) + "\">" + text("retry") + "</a></p>");
        } else if (Providers.POW.equals(offer.provider())) {
            values.put("message", text("message"));
            values.put("widget", powWidget(offer));
        } else {
            values.put("message", text("captchaMessage"));
            values.put("widget", captchaWidget(offer));
        }
        values.put("widget", "<div id=\"edgeward-challenge\" data-provider=\""
                + (offer == null ? "none" : offer.provider()) + "\">" + values.get("widget") + "</div>");
        return template.render(values);
    }

    private String powWidget(ChallengeOffer offer) {
        return form(offer)
                + "<div id=\"ew-widget\" hidden data-difficulty=\"" + offer.difficulty() + "\" data-working=\""
                + text("working") + "\" data-solved=\"" + text("solved") + "\" data-unsupported=\""
                + text("unsupported") + "\" data-error=\"" + text("error") + "\">"
                + "<div id=\"ew-bar\" class=\"ew-bar\" role=\"progressbar\" aria-label=\"" + text("progress")
                + "\" aria-valuemin=\"0\" aria-valuemax=\"100\" aria-valuenow=\"0\"><div id=\"ew-fill\" "
                + "class=\"ew-fill\"></div></div><p id=\"ew-status\" role=\"status\" aria-live=\"polite\"></p>"
                + "<button type=\"button\" id=\"ew-start\">" + text("start") + "</button></div></form>"
                + "<script type=\"text/plain\" id=\"ew-worker\">" + PowScripts.WORKER + "</script>"
                + "<script>" + PowScripts.PAGE + "</script>";
    }

    private String captchaWidget(ChallengeOffer offer) {
        return form(offer) + "<div class=\"" + Providers.widgetClass(offer.provider()) + "\" data-sitekey=\""
                + Html.escape(offer.siteKey()) + "\" data-callback=\"edgewardCaptchaDone\"></div></form>"
                + "<script>" + PowScripts.CAPTCHA_CALLBACK + "</script>"
                + "<script src=\"" + Providers.script(offer.provider()) + "\" async defer></script>";
    }

    private static String form(ChallengeOffer offer) {
        return "<form id=\"ew-form\" method=\"post\" action=\"" + ChallengeRelay.VERIFY_PATH + "\">"
                + "<input type=\"hidden\" name=\"token\" value=\"" + Html.escape(offer.token()) + "\">"
                + "<input type=\"hidden\" name=\"answer\" value=\"\">"
                + "<input type=\"hidden\" name=\"automation\" value=\"\">";
    }

    private String text(String key) {
        return Html.escape(texts.get(key));
    }
}
