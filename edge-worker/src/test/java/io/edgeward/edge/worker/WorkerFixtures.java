package io.edgeward.edge.worker;

import io.edgeward.edge.node.EdgeFixtures;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What only the Worker tests need beside edge-node's {@link EdgeFixtures} (the configuration, events, JVM handler
 * and cookie helpers both targets' tests share): another Protector in a configuration, and cookies read off the
 * Worker's HTTP answers.
 */
final class WorkerFixtures {

    private WorkerFixtures() {
    }

    static Map<String, Object> withProtector(Map<String, Object> config, String url, String timeout) {
        Map<String, Object> copy = new LinkedHashMap<>(config);
        copy.put("protector", EdgeFixtures.protector(url, timeout));
        return copy;
    }

    /** The session cookie the Worker set on its response to the viewer, as the viewer sends it back; or null. */
    static String cookieSetBy(HttpResponse<String> response) {
        return response.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("__Host-ew="))
                .findFirst().map(EdgeFixtures::cookiePair).orElse(null);
    }
}
