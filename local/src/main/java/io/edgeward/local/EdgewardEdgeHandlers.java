package io.edgeward.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.LoggerFactory;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.jvm.JacksonJsonCodec;
import io.edgeward.edge.viewer.ViewerRequestHandler;

/** The real Edgeward edge functions (JVM targets), built from the generated edge configuration. */
final class EdgewardEdgeHandlers implements EdgeHandlers {

    static final EdgewardEdgeHandlers INSTANCE = new EdgewardEdgeHandlers();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public RequestStreamHandler viewerRequest(String edgeConfigJson) {
        return new ViewerRequestHandler(EdgeConfig.fromJson(edgeConfigJson, new JacksonJsonCodec()));
    }

    @Override
    public RequestStreamHandler logShipper(String edgeConfigJson) {
        // Until edge-origin-response's LogShipperHandler lands: responses pass unchanged and nothing is logged.
        LoggerFactory.getLogger(EdgewardEdgeHandlers.class).warn("log shipper not available: nothing is shipped");
        return (in, out, context) -> {
            JsonNode cf = JSON.readTree(in).get("Records").get(0).get("cf");
            JSON.writeValue(out, cf.get("response"));
        };
    }
}
