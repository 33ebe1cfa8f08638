package io.edgeward.protector.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Timer;
import io.edgeward.protector.http.BearerAuth;
import io.edgeward.protector.http.HttpMetrics;
import io.edgeward.protector.http.ProblemException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Serves {@code POST /v1/check} as a Jetty handler placed in front of Javalin on the same server (same port,
 * connector and thread pool). The check is the one call on every visitor's path; going through Javalin's servlet,
 * its task pipeline and its before/after handlers cost about as much as the rest of the request, so this handler
 * does only what the route did: the edge key, the body limit, the check, the problem shape on failure, and the
 * {@code protector_http_requests} timer. Anything else (another method, another path) falls through to Javalin.
 */
public final class CheckHandler extends Handler.Abstract.NonBlocking {

    public static final String PATH = "/v1/check";

    private static final Logger log = LoggerFactory.getLogger(CheckHandler.class);
    private static final HttpField JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");
    /** Most bodies arrive in one chunk; they are read into this thread's buffer with no allocation. */
    private static final ThreadLocal<byte[]> BODY = ThreadLocal.withInitial(() -> new byte[8192]);

    private final CheckController check;
    private final BearerAuth edgeAuth;
    private final HttpField wwwAuthenticate;
    private final long maxBodyBytes;
    private final HttpMetrics metrics;
    private final ObjectMapper mapper;
    private final Timer answered;

    public CheckHandler(CheckController check, BearerAuth edgeAuth, long maxBodyBytes, HttpMetrics metrics,
                        ObjectMapper mapper) {
        this.check = check;
        this.edgeAuth = edgeAuth;
        this.wwwAuthenticate = new PreEncodedHttpField(HttpHeader.WWW_AUTHENTICATE, edgeAuth.challenge());
        this.maxBodyBytes = maxBodyBytes;
        this.metrics = metrics;
        this.mapper = mapper;
        this.answered = metrics.timer("POST", PATH, 200);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!HttpMethod.POST.is(request.getMethod()) || !isCheckPath(Request.getPathInContext(request))) {
            return false;
        }
        long start = System.nanoTime();
        if (!edgeAuth.accepts(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
            response.getHeaders().add(wwwAuthenticate);
            // as under Javalin, a request refused before the route ran counts as unmatched
            problem(response, callback, start, HttpMetrics.UNMATCHED,
                    ProblemException.unauthorized("a valid " + edgeAuth.realm() + " bearer token is required"));
            return true;
        }
        if (request.getLength() > maxBodyBytes) {
            tooLarge(response, callback, start);
            return true;
        }
        Content.Chunk first = request.read();
        if (first != null && first.isLast() && !Content.Chunk.isFailure(first)) {
            // the common case: the whole body is already here
            ByteBuffer bytes = first.getByteBuffer();
            int length = bytes.remaining();
            if (length > maxBodyBytes) {
                first.release();
                tooLarge(response, callback, start);
                return true;
            }
            byte[] body = BODY.get();
            if (body.length < length) {
                body = new byte[length];
            }
            bytes.get(body, 0, length);
            first.release();
            answer(body, length, response, callback, start);
            return true;
        }
        new BodyReader(request, response, callback, start, first).run();
        return true;
    }

    private static boolean isCheckPath(String path) {
        // Javalin ignores a trailing slash; the route did too
        return path.startsWith(PATH) && (path.length() == PATH.length()
                || path.length() == PATH.length() + 1 && path.charAt(PATH.length()) == '/');
    }

    private void answer(byte[] body, int length, Response response, Callback callback, long start) {
        byte[] answer;
        try {
            answer = check.answer(body, length);
        } catch (ProblemException e) {
            problem(response, callback, start, PATH, e);
            return;
        } catch (RuntimeException e) {
            log.error("http.unhandled method=POST path={}", PATH, e);
            problem(response, callback, start, PATH,
                    new ProblemException(500, "internal_error", "the request failed; see the service log"));
            return;
        }
        send(response, callback, start, PATH, 200, answer);
    }

    private void tooLarge(Response response, Callback callback, long start) {
        problem(response, callback, start, PATH, new ProblemException(413, "too_large", "the request body is too large"));
    }

    private void problem(Response response, Callback callback, long start, String route, ProblemException e) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(e.problem());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible); // a record of two strings always serializes
        }
        send(response, callback, start, route, e.status(), json);
    }

    private void send(Response response, Callback callback, long start, String route, int status, byte[] json) {
        response.setStatus(status);
        response.getHeaders().add(JSON);
        long elapsed = System.nanoTime() - start;
        if (status == 200) {
            answered.record(elapsed, TimeUnit.NANOSECONDS);
        } else {
            metrics.record("POST", route, status, elapsed);
        }
        response.write(true, ByteBuffer.wrap(json), callback);
    }

    /** The rare body that comes in several chunks, or later than the headers: read as Jetty delivers it. */
    private final class BodyReader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final long start;
        private Content.Chunk pending;
        private byte[] body = new byte[1024];
        private int length;

        BodyReader(Request request, Response response, Callback callback, long start, Content.Chunk first) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.start = start;
            this.pending = first;
        }

        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk = pending != null ? pending : request.read();
                pending = null;
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    callback.failed(chunk.getFailure());
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                int n = bytes.remaining();
                if (length + (long) n > maxBodyBytes) {
                    chunk.release();
                    tooLarge(response, callback, start);
                    return;
                }
                if (length + n > body.length) {
                    body = Arrays.copyOf(body, Math.max(body.length * 2, length + n));
                }
                bytes.get(body, length, n);
                length += n;
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    answer(body, length, response, callback, start);
                    return;
                }
            }
        }
    }
}
