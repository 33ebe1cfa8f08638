package io.edgeward.protector.admin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.edgeward.protector.decision.DecisionJson;
import io.edgeward.protector.decision.ListKind;
import io.edgeward.protector.http.ProblemException;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.Map;

/** {@code /v1/admin/decisions} and {@code /v1/admin/allowlist}: add, list active, remove by id. */
public final class AdminController {

    private final AdminService service;
    private final ObjectReader newDecisionReader;

    public AdminController(AdminService service, ObjectMapper mapper) {
        this.service = service;
        // Admin input is typed by people: a misspelt field is an error, not silently ignored.
        this.newDecisionReader = mapper.readerFor(NewDecision.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public void addRoutes(Javalin app) {
        for (ListKind list : ListKind.values()) {
            String base = "/v1/admin/" + (list == ListKind.DECISION ? "decisions" : "allowlist");
            app.post(base, ctx -> add(ctx, list));
            app.get(base, ctx -> list(ctx, list));
            app.delete(base + "/{id}", ctx -> delete(ctx, list));
        }
    }

    private void add(Context ctx, ListKind list) {
        NewDecision request;
        try {
            request = newDecisionReader.readValue(ctx.bodyAsBytes());
        } catch (IOException e) {
            throw ProblemException.badRequest("body must be a JSON object with scope, value, action, duration, reason: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        ctx.status(201).json(DecisionJson.from(service.add(list, request)));
    }

    private void list(Context ctx, ListKind list) {
        var items = service.list(list, ctx.queryParam("scope"), ctx.queryParam("value")).stream()
                .map(DecisionJson::from).toList();
        ctx.json(Map.of("items", items));
    }

    private void delete(Context ctx, ListKind list) {
        String id = ctx.pathParam("id");
        if (!service.delete(list, id)) {
            throw ProblemException.notFound("no active " + list.wireName() + " entry with id '" + id + "'");
        }
        ctx.status(204);
    }
}
