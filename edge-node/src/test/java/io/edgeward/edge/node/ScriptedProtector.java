package io.edgeward.edge.node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Protector on a raw socket, for what a JDK HttpServer cannot show: how many connections the edge opens, and a
 * connection dropped or stalled at a chosen request. Speaks just enough HTTP/1.1 keep-alive for {@code /v1/check}.
 */
final class ScriptedProtector implements AutoCloseable {

    /** What to do with one request: answer allow; reset the connection unanswered; send half an answer and stall. */
    enum Step { ANSWER, RESET, STALL }

    private static final String ALLOW = "{\"action\":\"allow\",\"ttl\":60,\"reason\":\"scripted:allow\","
            + "\"decisionId\":\"d-scripted\"}";

    private final ServerSocket server;
    private final ConcurrentLinkedQueue<Step> script = new ConcurrentLinkedQueue<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private ScriptedProtector(ServerSocket server) {
        this.server = server;
    }

    static ScriptedProtector start() throws IOException {
        ScriptedProtector protector = new ScriptedProtector(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        Thread acceptor = new Thread(protector::acceptLoop, "scripted-protector");
        acceptor.setDaemon(true);
        acceptor.start();
        return protector;
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The steps for the next requests, in order; once used up, every request is answered. */
    void then(Step... steps) {
        script.addAll(List.of(steps));
    }

    int connections() {
        return connections.get();
    }

    int requests() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                open.add(socket);
                Thread worker = new Thread(() -> serve(socket), "scripted-protector-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (readRequest(in)) {
                requests.incrementAndGet();
                Step step = script.poll();
                if (step == Step.RESET) {
                    socket.setSoLinger(true, 0);
                    return;
                }
                byte[] body = ALLOW.getBytes(StandardCharsets.UTF_8);
                String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\nKeep-Alive: timeout=60\r\n\r\n";
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                if (step == Step.STALL) {
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    closed.await();
                    return;
                }
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            // The edge went away; nothing to report.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads one request's head and body; false at the end of the connection. */
    private static boolean readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r'
                    && bytes[n - 1] == '\n') {
                in.readNBytes(contentLength(head.toString(StandardCharsets.US_ASCII)));
                return true;
            }
        }
        return false;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            server.close();
            for (Socket socket : open) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
