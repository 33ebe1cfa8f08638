package io.edgeward.protector.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;

import java.util.List;

/**
 * Puts Jetty handlers in front of Javalin on the same server: Javalin attaches its servlet context to the
 * {@link Handler.Sequence} installed here, after these handlers, so a request none of them takes goes on to Javalin
 * (its routes, filters and error answers) as before. Same port, connector and thread pool.
 */
public final class FrontHandlers {

    private FrontHandlers() {
    }

    /** For {@code config.jetty.modifyServer}: runs before Javalin attaches its own handler. */
    public static void install(Server server, List<Handler> handlers) {
        Handler.Sequence front = new Handler.Sequence(handlers);
        Handler root = server.getHandler();
        if (root == null) {
            server.setHandler(front);
        } else if (root instanceof Handler.Wrapper wrapper && wrapper.getHandler() == null) {
            wrapper.setHandler(front); // Javalin's default server: a StatisticsHandler, empty until Javalin fills it
        } else {
            throw new IllegalStateException("unexpected Jetty handler before Javalin: " + root);
        }
    }
}
