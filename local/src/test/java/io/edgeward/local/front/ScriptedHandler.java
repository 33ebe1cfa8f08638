package io.edgeward.local.front;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A stand-in edge function for testing the front on its own: records every event it gets and answers with what
 * {@code script} makes of the event's {@code cf} object (by default the request or response unchanged, as a
 * pass-through Lambda@Edge function returns it).
 */
final class ScriptedHandler implements RequestStreamHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private volatile UnaryOperator<JsonNode> script = ScriptedHandler::passThrough;

    void answer(UnaryOperator<JsonNode> script) {
        this.script = script;
    }

    static JsonNode passThrough(JsonNode cf) {
        return cf.has("response") ? cf.get("response") : cf.get("request");
    }

    List<JsonNode> eventsOfType(String eventType) {
        return events.stream().filter(e -> cf(e).path("config").path("eventType").asText().equals(eventType))
                .toList();
    }

    static JsonNode cf(JsonNode event) {
        return event.get("Records").get(0).get("cf");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = JSON.readTree(input);
        events.add(event);
        JSON.writeValue(output, script.apply(cf(event)));
    }
}
