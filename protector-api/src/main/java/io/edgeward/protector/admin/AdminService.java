package io.edgeward.protector.admin;

import io.edgeward.protector.decision.Action;
import io.edgeward.protector.decision.Decision;
import io.edgeward.protector.decision.DecisionPage;
import io.edgeward.protector.decision.DecisionStore;
import io.edgeward.protector.decision.InvalidDecisionException;
import io.edgeward.protector.decision.ListFilter;
import io.edgeward.protector.decision.ListKind;
import io.edgeward.protector.decision.RouteSpec;
import io.edgeward.protector.decision.Scope;
import io.edgeward.protector.decision.ScopeValues;
import io.edgeward.protector.http.ProblemException;
import io.edgeward.protector.kafka.DecisionLog;
import io.edgeward.protector.kafka.DecisionMaterializer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Admin writes go through the decisions topic like the detection engine's, so every instance agrees. A write
 * returns once Kafka acknowledged it and this instance's materializer applied it: the next check here sees it.
 */
public final class AdminService {

    private static final Logger log = LoggerFactory.getLogger(AdminService.class);
    static final Duration MAX_DURATION = Duration.ofDays(3650);
    static final int MAX_REASON_LENGTH = 500;

    private final DecisionStore store;
    private final DecisionLog decisionLog;
    private final DecisionMaterializer materializer;
    private final Clock clock;
    private final Duration writeTimeout;
    private final SecureRandom random = new SecureRandom();

    public AdminService(DecisionStore store, DecisionLog decisionLog, DecisionMaterializer materializer, Clock clock,
                        Duration writeTimeout) {
        this.store = store;
        this.decisionLog = decisionLog;
        this.materializer = materializer;
        this.clock = clock;
        this.writeTimeout = writeTimeout;
    }

    public Decision add(ListKind list, NewDecision request) {
        Decision decision = validate(list, request);
        write(decisionLog.put(decision));
        log.info("admin.{} added id={} scope={} action={} sessionless={} route={}", list.wireName(), decision.id(),
                decision.scope().wireName(), decision.action().wireName(), decision.sessionless(), decision.route() != null);
        return decision;
    }

    public List<Decision> list(ListKind list, String scope, String value) {
        return store.active(list, filter(scope, value, null));
    }

    /**
     * The active entries matching the filters: all of them, oldest first, when {@code page} is null; else that page,
     * newest first. {@code total} counts every match either way.
     */
    public DecisionPage list(ListKind list, String scope, String value, String contains, ListPage page) {
        ListFilter filter = filter(scope, value, contains);
        if (page == null) {
            List<Decision> all = store.active(list, filter);
            return new DecisionPage(all, all.size());
        }
        return store.page(list, filter, page.offset(), page.limit());
    }

    private static ListFilter filter(String scope, String value, String contains) {
        Scope s = scope == null ? null : parseScope(scope);
        if (value != null && s == null) {
            throw ProblemException.badRequest("the value filter needs a scope filter too");
        }
        return new ListFilter(s, value == null ? null : canonical(s, value), contains);
    }

    /** Removes an active entry by id; false when there is none in this list. */
    public boolean delete(ListKind list, String id) {
        Decision existing = store.activeById(id).filter(d -> d.list() == list).orElse(null);
        if (existing == null) {
            return false;
        }
        write(decisionLog.remove(existing.key()));
        log.info("admin.{} removed id={}", list.wireName(), id);
        return true;
    }

    private void write(Future<RecordMetadata> send) {
        try {
            RecordMetadata written = send.get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            materializer.awaitApplied(written.partition(), written.offset(), writeTimeout);
        } catch (ExecutionException e) {
            throw ProblemException.unavailable("the decisions topic did not accept the write: " + e.getCause().getClass().getSimpleName());
        } catch (TimeoutException e) {
            throw ProblemException.unavailable("the decisions topic did not confirm the write within " + writeTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("interrupted while writing the decision");
        } catch (IllegalStateException e) {
            throw ProblemException.unavailable("the decisions materializer is not running");
        }
    }

    private Decision validate(ListKind list, NewDecision r) {
        if (r == null) {
            throw ProblemException.badRequest("a JSON object body is required");
        }
        if (r.scope() == null) {
            throw ProblemException.badRequest("scope is required");
        }
        Scope scope = parseScope(r.scope());
        String value = canonical(scope, r.value());
        Action action = action(list, r.action());
        Duration duration = duration(list, r.duration());
        if (r.reason() != null && r.reason().length() > MAX_REASON_LENGTH) {
            throw ProblemException.badRequest("reason must be at most " + MAX_REASON_LENGTH + " characters, was " + r.reason().length());
        }
        RouteSpec route = route(r.route());
        // Whole seconds: what the store keeps and what every instance answers with (docs/protector.md).
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        return new Decision(newId(), list, scope, value, action, r.reason(), Decision.ADMIN_SOURCE, now,
                duration == null ? null : now.plus(duration), Boolean.TRUE.equals(r.sessionless()), route);
    }

    private static RouteSpec route(String route) {
        if (route == null) {
            return null;
        }
        try {
            return RouteSpec.parse(route, "route");
        } catch (InvalidDecisionException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    private static Scope parseScope(String scope) {
        return Scope.fromWire(scope).orElseThrow(() -> ProblemException.badRequest(
                "scope must be one of " + Scope.WIRE_NAMES + ", was '" + scope + "'"));
    }

    private static String canonical(Scope scope, String value) {
        try {
            return ScopeValues.canonical(scope, value);
        } catch (InvalidDecisionException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    private static Action action(ListKind list, String action) {
        if (list != ListKind.DECISION) {
            if (action != null && !action.equals("allow")) {
                throw ProblemException.badRequest(list.wireName() + " entries always allow; action must be absent or 'allow', was '" + action + "'");
            }
            return Action.ALLOW;
        }
        if (action == null) {
            throw ProblemException.badRequest("action is required: one of allow, challenge, block, monitor");
        }
        return Action.fromWire(action).orElseThrow(() -> ProblemException.badRequest(
                "action must be one of allow, challenge, block, monitor, was '" + action + "'"));
    }

    private static Duration duration(ListKind list, String text) {
        if (text == null) {
            if (list == ListKind.DECISION) {
                throw ProblemException.badRequest("duration is required for decisions (ISO-8601, e.g. PT10M)");
            }
            return null;
        }
        Duration d;
        try {
            d = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("duration must be an ISO-8601 duration like PT10M or P1D, was '" + text + "'");
        }
        if (d.isNegative() || d.isZero() || d.compareTo(MAX_DURATION) > 0) {
            throw ProblemException.badRequest("duration must be > 0 and at most " + MAX_DURATION + ", was " + text);
        }
        return d;
    }

    private String newId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
