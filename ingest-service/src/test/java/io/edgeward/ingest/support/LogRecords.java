package io.edgeward.ingest.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Log records shaped as docs/contracts.md shows them. */
public final class LogRecords {

    private LogRecords() {
    }

    /** A full record as the edge shipper sends it. */
    public static String record(String requestId, String clientIp, Instant time) {
        return "{\"v\":1,\"time\":\"" + time + "\",\"requestId\":\"" + requestId + "\",\"source\":\"edge\","
                + "\"clientIp\":\"" + clientIp + "\",\"method\":\"GET\",\"host\":\"shop.example\","
                + "\"path\":\"/products/7\",\"query\":\"q=shoes&password=%2A%2A%2A\",\"status\":200,\"bytes\":5120,"
                + "\"contentType\":\"text/html\",\"userAgent\":\"Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0\","
                + "\"referer\":\"https://shop.example/\",\"accept\":\"text/html\",\"acceptLanguage\":\"de\","
                + "\"sessionId\":\"AbCdEfGhIjKlMnOpQrStUv\",\"cookieState\":\"valid\",\"action\":\"allow\","
                + "\"reason\":null,\"mode\":\"mitigate\",\"decisionId\":null,\"edgeLocation\":\"FRA56-C1\","
                + "\"country\":\"DE\",\"ja3\":null,\"ja4\":\"t13d1516h2_8daaf6152771_02713d6af862\",\"asn\":null,"
                + "\"timeTakenMs\":null}";
    }

    /** {@code count} records, one per line, with ids {@code prefix-0 … prefix-(count-1)}. */
    public static String ndjson(String prefix, int count, Instant time) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < count; i++) {
            body.append(record(prefix + "-" + i, "203.0.113." + (i % 250), time.plusMillis(i))).append('\n');
        }
        return body.toString();
    }

    public static List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(prefix + "-" + i);
        }
        return ids;
    }
}
