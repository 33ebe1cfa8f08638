package io.edgeward.edge.core.challenge;

/**
 * The challenge providers and what their browser widgets need: the script the page loads, the widget element's
 * class, and the form field the widget fills with its response token. Names are the wire names of the contract.
 */
final class Providers {

    static final String POW = "pow";
    static final String HCAPTCHA = "hcaptcha";
    static final String RECAPTCHA = "recaptcha";
    static final String TURNSTILE = "turnstile";

    private Providers() {
    }

    static boolean isKnown(String provider) {
        return POW.equals(provider) || HCAPTCHA.equals(provider) || RECAPTCHA.equals(provider)
                || TURNSTILE.equals(provider);
    }

    /** The provider's documented widget script. */
    static String script(String provider) {
        switch (provider) {
            case HCAPTCHA:
                return "https://js.hcaptcha.com/1/api.js";
            case RECAPTCHA:
                return "https://www.google.com/recaptcha/api.js";
            case TURNSTILE:
                return "https://challenges.cloudflare.com/turnstile/v0/api.js";
            default:
                throw new IllegalArgumentException("no widget script for " + provider);
        }
    }

    /** The element class the provider's script turns into a widget. */
    static String widgetClass(String provider) {
        switch (provider) {
            case HCAPTCHA:
                return "h-captcha";
            case RECAPTCHA:
                return "g-recaptcha";
            case TURNSTILE:
                return "cf-turnstile";
            default:
                throw new IllegalArgumentException("no widget for " + provider);
        }
    }

    /** The form field each widget adds to its form; the verify endpoint accepts it in place of {@code answer}. */
    static final String[] RESPONSE_FIELDS = {"h-captcha-response", "g-recaptcha-response", "cf-turnstile-response"};
}
