package io.edgeward.protector.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.edgeward.protector.decision.DecisionJson;
import io.edgeward.protector.decision.DecisionPage;
import io.edgeward.protector.decision.ListKind;
import io.edgeward.protector.http.ProblemException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;

/**
 * {@code /v1/admin/decisions}, {@code /v1/admin/allowlist} and {@code /v1/admin/allow-automation}: add, list active,
 * remove by id. Lists page and filter ({@link ListPage}); adding an entry with the scope, value and qualifiers of an
 * active one replaces it (the decisions topic is keyed by them): that is how an entry is extended or shortened.
 */
public final class AdminController {

    private final AdminService service;
    private final ObjectReader newDecisionReader;

    public AdminController(AdminService service, ObjectMapper mapper) {
        this.service = service;
        // Admin input is typed by people: a misspelt field is an error, not silently ignored.
        this.newDecisionReader = mapper.readerFor(NewDecision.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public void addRoutes(RoutesConfig app) {
        for (ListKind list : ListKind.values()) {
            String base = "/v1/admin/" + (list == ListKind.DECISION ? "decisions" : list.wireName());
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
            throw ProblemException.badRequest("body must be a JSON object with scope, value, action, duration, reason, sessionless, route"
                    + unreadablePart(e));
        }
        ctx.status(201).json(DecisionJson.from(service.add(list, request)));
    }

    /** Names the field or position at fault without echoing Jackson's internals (class names) to the client. */
    private static String unreadablePart(IOException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "; unknown field \"" + unknown.getPropertyName() + "\"";
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().get(mapping.getPath().size() - 1).getFieldName();
            return field == null ? "; a value has the wrong type" : "; field \"" + field + "\" has the wrong type";
        }
        if (e instanceof JsonProcessingException json && json.getLocation() != null) {
            return "; malformed JSON at line " + json.getLocation().getLineNr() + ", column "
                    + json.getLocation().getColumnNr();
        }
        return "; malformed JSON";
    }

    /**
     * {@code ?scope=&value=&contains=&limit=&offset=}: always {@code {"items":[…],"total":N}}. Without {@code limit}
     * and {@code offset} every match, oldest first (as before paging); with either, newest first.
     */
    private void list(Context ctx, ListKind list) {
        DecisionPage page = service.list(list, ctx.queryParam("scope"), ctx.queryParam("value"),
                ListPage.contains(ctx.queryParam("contains")),
                ListPage.of(ctx.queryParam("limit"), ctx.queryParam("offset")));
        ctx.json(new ListAnswer(page.items().stream().map(DecisionJson::from).toList(), page.total()));
    }

    /** The list answer; a record so that {@code items} comes before {@code total}. */
    record ListAnswer(List<DecisionJson> items, int total) {
    }

    private void delete(Context ctx, ListKind list) {
        String id = ctx.pathParam("id");
        if (!service.delete(list, id)) {
            throw ProblemException.notFound("no active " + list.wireName() + " entry with id '" + id + "'");
        }
        ctx.status(204);
    }
}
