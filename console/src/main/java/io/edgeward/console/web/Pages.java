package io.edgeward.console.web;

import io.edgeward.console.auth.ConsoleSession;
import io.edgeward.console.figures.ConsoleFigures;
import io.javalin.http.Context;
import java.util.Map;

/** Renders a signed-in page: its template with the frame ({@link Chrome}) and its view. */
public final class Pages {

    private final Templates templates;
    private final ConsoleFigures figures;

    public Pages(Templates templates, ConsoleFigures figures) {
        this.templates = templates;
        this.figures = figures;
    }

    public void render(Context ctx, ConsoleSession session, String page, String title, Object view) {
        Chrome chrome = Chrome.of(page, title, session, figuresReady());
        ctx.html(templates.render(page + ".jte", Map.of("chrome", chrome, "view", view)));
    }

    private boolean figuresReady() {
        try {
            return figures.ready();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
