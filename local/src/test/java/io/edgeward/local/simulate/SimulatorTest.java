package io.edgeward.local.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The simulator against a real HTTP server standing in for the front: it issues a Secure session cookie like the
 * edge does and blocks any 198.51.100.x client at its fifth request, so the report can be checked exactly.
 */
class SimulatorTest {

    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> withCookie = new ConcurrentHashMap<>();
    private Javalin front;

    @BeforeEach
    void startFront() {
        front = Javalin.create(c -> c.routes.get("/", this::handle).get("/*", this::handle).post("/*", this::handle))
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stopFront() {
        front.stop();
    }

    private void handle(Context ctx) {
        String ip = ctx.header("X-Forwarded-For");
        int n = requests.computeIfAbsent(ip, k -> new AtomicInteger()).incrementAndGet();
        if (ctx.cookie("__Host-ew") != null) {
            withCookie.computeIfAbsent(ip, k -> new AtomicInteger()).incrementAndGet();
        } else {
            ctx.header("Set-Cookie", "__Host-ew=token-" + n + "; Path=/; Secure; HttpOnly; SameSite=Lax");
        }
        if (ip.startsWith("198.51.100.") && n >= 5) {
            ctx.status(403).header("x-edgeward-action", "block").result("blocked");
        } else {
            ctx.result("ok");
        }
    }

    private Simulator simulator(PrintStream out, String... args) {
        Simulator simulator = new Simulator(out);
        new CommandLine(simulator).parseArgs(args);
        return simulator;
    }

    @Test
    void reports_sessions_and_the_request_at_which_each_bot_was_stopped() throws Exception {
        Simulator simulator = simulator(System.out, "--front", "http://127.0.0.1:" + front.port(),
                "--sessions", "5", "--pace", "PT0S", "--bot-requests", "20");

        List<ScenarioReport> reports = simulator.run(Set.of(Scenario.HUMAN, Scenario.SCRAPER, Scenario.STUFFER));

        Map<String, ScenarioReport> byName = reports.stream()
                .collect(Collectors.toMap(ScenarioReport::scenario, r -> r));
        assertThat(byName.get("human").sessions()).isEqualTo(5);
        assertThat(byName.get("human").challenged() + byName.get("human").blocked()).isZero();
        assertThat(byName.get("scraper").blocked()).isEqualTo(1);
        assertThat(byName.get("scraper").requestsToFirstAction()).containsExactly(5);
        assertThat(byName.get("scraper").requests()).as("a blocked bot stops").isEqualTo(5);
        assertThat(byName.get("stuffer").requestsToFirstAction()).containsExactly(5);
    }

    @Test
    void people_send_the_secure_session_cookie_back_and_cookie_refusers_do_not() throws Exception {
        Simulator simulator = simulator(System.out, "--front", "http://127.0.0.1:" + front.port(),
                "--sessions", "5", "--pace", "PT0S", "--bot-requests", "4");

        simulator.run(Set.of(Scenario.HUMAN, Scenario.STUFFER));

        assertThat(withCookie.get("10.10.0.1").get()).isEqualTo(requests.get("10.10.0.1").get() - 1);
        assertThat(withCookie.get("198.51.100.40")).isNull();
    }

    @Test
    void nat_scenario_sends_every_person_from_one_address_with_their_own_cookie() throws Exception {
        Simulator simulator = simulator(System.out, "--front", "http://127.0.0.1:" + front.port(),
                "--sessions", "4", "--pace", "PT0S");

        simulator.run(Set.of(Scenario.NAT));

        assertThat(requests).containsOnlyKeys("192.0.2.44");
        assertThat(withCookie.get("192.0.2.44").get()).as("each person's first request has no cookie")
                .isEqualTo(requests.get("192.0.2.44").get() - 4);
    }

    @Test
    void prints_one_line_per_scenario() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = new CommandLine(new Simulator(out)).execute("--front", "http://127.0.0.1:" + front.port(),
                "--scenario", "scanner,scalper", "--sessions", "5", "--pace", "PT0S", "--bot-requests", "8");

        assertThat(code).isZero();
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .anySatisfy(l -> assertThat(l).startsWith("scenario"))
                .anySatisfy(l -> assertThat(l).startsWith("scanner").contains("5 / 5 / 5"))
                .anySatisfy(l -> assertThat(l).startsWith("scalper"));
    }

    @Test
    void unknown_scenario_is_refused_with_the_known_ones() {
        assertThatThrownBy(() -> Scenario.byLabel("ddos"))
                .hasMessageContaining("unknown scenario 'ddos'").hasMessageContaining("scraper");
    }
}
