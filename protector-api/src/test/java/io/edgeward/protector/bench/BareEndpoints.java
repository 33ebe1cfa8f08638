package io.edgeward.protector.bench;

import io.edgeward.protector.http.RouteGroup;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Bench only (LoadBenchServer; never in the production server): the ceiling of the HTTP stack that serves
 * {@code /v1/check}. Both answer a fixed 60-byte JSON, the size of a typical allow answer, with no authentication,
 * no body parsing and no decision: one as a Jetty handler in front of Javalin (where {@code /v1/check}'s handler
 * sits), one as a Javalin route (Javalin's servlet, routing and before/after filters).
 */
final class BareEndpoints {

    static final byte[] ANSWER = "{\"action\":\"allow\",\"ttl\":300,\"reason\":null,\"decisionId\":null}"
            .getBytes(StandardCharsets.UTF_8);
    private static final HttpField JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");

    private BareEndpoints() {
    }

    static Handler jetty(String path) {
        return new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if (!HttpMethod.POST.is(request.getMethod()) || !path.equals(Request.getPathInContext(request))) {
                    return false;
                }
                response.setStatus(200);
                response.getHeaders().add(JSON);
                response.write(true, ByteBuffer.wrap(ANSWER), callback);
                return true;
            }
        };
    }

    static RouteGroup javalin(String path) {
        return routes -> routes.post(path, ctx -> ctx.contentType("application/json").result(ANSWER));
    }
}
