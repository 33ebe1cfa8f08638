package io.edgeward.edge.core.challenge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A page template with {@code {{name}}} placeholders (no regex: TeaVM). {@code widget} and {@code notice} are HTML
 * the edge builds; every other value is escaped text. An operator's template (edge config {@code challenge.template})
 * must contain {@code {{widget}}} and may use only the known placeholders, checked at start-up.
 */
public final class PageTemplate {

    public static final Set<String> PLACEHOLDERS = Set.of("lang", "title", "heading", "message", "noscript",
            "notice", "widget", "reference", "requestId");
    static final int MAX_TEMPLATE = 24 * 1024;

    static final String DEFAULT = "<!DOCTYPE html><html lang=\"{{lang}}\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
            + "<meta name=\"robots\" content=\"noindex\"><title>{{title}}</title><style>"
            + "body{font-family:system-ui,sans-serif;max-width:36em;margin:4em auto;padding:0 1em;color:#222;"
            + "line-height:1.5}.ew-bar{height:.8em;border:1px solid #555;border-radius:.4em;overflow:hidden;"
            + "margin:1em 0}.ew-fill{height:100%;width:0;background:#1f5fa8;transition:width .2s}"
            + "@media(prefers-reduced-motion:reduce){.ew-fill{transition:none}}"
            + "button{font:inherit;padding:.4em 1em}button:focus-visible{outline:3px solid #c60;outline-offset:2px}"
            + ".ew-notice{color:#a00000}small{color:#595959}</style></head><body><main><h1>{{heading}}</h1>"
            + "{{notice}}<p>{{message}}</p><noscript><p><strong>{{noscript}}</strong></p></noscript>{{widget}}"
            + "<p><small>{{reference}} {{requestId}}</small></p></main></body></html>";

    private final String text;

    private PageTemplate(String text) {
        this.text = text;
    }

    public static PageTemplate defaultTemplate() {
        return new PageTemplate(DEFAULT);
    }

    /** An operator's template. @throws IllegalArgumentException saying what is wrong with it */
    public static PageTemplate of(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_TEMPLATE) {
            throw new IllegalArgumentException("challenge.template must be 1.." + MAX_TEMPLATE + " characters, was "
                    + (text == null ? "missing" : text.length() + " characters"));
        }
        List<String> names = placeholders(text);
        if (!names.contains("widget")) {
            throw new IllegalArgumentException("challenge.template must contain {{widget}}");
        }
        for (String name : names) {
            if (!PLACEHOLDERS.contains(name)) {
                throw new IllegalArgumentException("challenge.template has an unknown placeholder {{" + name
                        + "}} (known: lang, title, heading, message, noscript, notice, widget, reference, requestId)");
            }
        }
        return new PageTemplate(text);
    }

    /** Replaces each placeholder with its value (already escaped or built as HTML); a missing value is empty. */
    String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder(text.length() + 8192);
        int i = 0;
        while (true) {
            int open = text.indexOf("{{", i);
            int close = open < 0 ? -1 : text.indexOf("}}", open + 2);
            if (close < 0) {
                out.append(text, i, text.length());
                return out.toString();
            }
            out.append(text, i, open);
            String value = values.get(text.substring(open + 2, close).trim());
            if (value != null) {
                out.append(value);
            }
            i = close + 2;
        }
    }

    static List<String> placeholders(String text) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while (true) {
            int open = text.indexOf("{{", i);
            int close = open < 0 ? -1 : text.indexOf("}}", open + 2);
            if (close < 0) {
                return names;
            }
            names.add(text.substring(open + 2, close).trim());
            i = close + 2;
        }
    }
}
