package io.edgeward.local.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.challenge.ChallengeOffer;
import io.edgeward.edge.core.challenge.ChallengePage;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The adversary set against a real HTTP server standing in for the front: it challenges every page request without
 * a passed session with the edge's own challenge page (difficulty 8) and verifies answers as Protector does, so what
 * the bots send and how the solver gets through can be checked exactly.
 */
class AdversarySetTest {

    private static final int DIFFICULTY = 8;

    private final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();
    private final Set<String> issued = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicInteger passedPages = new AtomicInteger();
    private Javalin front;

    @BeforeEach
    void startFront() {
        front = Javalin.create(c -> c.routes.get("/", this::page).get("/*", this::page).post("/login", this::page)
                .post("/.edgeward/challenge/verify", this::verify)).start("127.0.0.1", 0);
    }

    @AfterEach
    void stopFront() {
        front.stop();
    }

    private void page(Context ctx) {
        String cookie = ctx.header("Cookie");
        seen.add(Map.of("xff", ctx.header("X-Forwarded-For"), "ua", ctx.header("User-Agent"),
                "cookie", cookie == null ? "" : cookie));
        if (cookie != null && cookie.contains("__Host-ew=passed")) {
            passedPages.incrementAndGet();
            ctx.result("ok");
            return;
        }
        String token = "t." + UUID.randomUUID() + ".s";
        issued.add(token);
        ctx.status(403).header("x-edgeward-action", "challenge").contentType("text/html")
                .result(ChallengePage.defaults().render(new ChallengeOffer(token, "pow", DIFFICULTY, null),
                        ctx.path(), "req", false));
    }

    private void verify(Context ctx) throws Exception {
        String token = ctx.formParam("token");
        String answer = ctx.formParam("answer");
        byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest((token + ":" + answer).getBytes(StandardCharsets.UTF_8));
        if (issued.remove(token) && ProofOfWork.leadingZeroBits(hash) >= DIFFICULTY) {
            ctx.status(303).header("Location", "/").header("Set-Cookie", "__Host-ew=passed; Path=/; Secure; HttpOnly");
        } else {
            ctx.status(403).header("x-edgeward-action", "challenge").result("no");
        }
    }

    private List<AdversaryReport> run(Adversary... adversaries) throws Exception {
        Simulator simulator = new Simulator(System.out);
        new CommandLine(simulator).parseArgs("--front", "http://127.0.0.1:" + front.port(), "--duration", "PT2S",
                "--admin-token", "");
        return simulator.runAdversaries(Set.of(adversaries));
    }

    @Test
    void rotating_bots_send_the_common_chrome_a_new_address_every_time_and_never_a_cookie() throws Exception {
        List<AdversaryReport> reports = run(Adversary.ROTATING_SCRAPER, Adversary.ROTATING_STUFFER);

        assertThat(seen).hasSizeGreaterThan(4);
        assertThat(seen).allSatisfy(r -> {
            assertThat(r.get("ua")).isEqualTo(AdversaryRun.CHROME);
            assertThat(r.get("cookie")).isEmpty();
        });
        assertThat(seen.stream().map(r -> r.get("xff")).distinct().count()).isEqualTo(seen.size());
        assertThat(reports).extracting(AdversaryReport::adversary)
                .containsExactlyInAnyOrder("rotating-scraper", "rotating-stuffer");
    }

    @Test
    void the_pow_solver_solves_the_challenge_it_is_given_and_goes_on_scraping_with_its_cookie() throws Exception {
        AdversaryReport report = run(Adversary.POW_SOLVER).get(0);

        assertThat(report.detail()).startsWith("challenges solved and passed: 1,");
        assertThat(passedPages.get()).isPositive();
        assertThat(seen).allSatisfy(r -> assertThat(r.get("xff")).isEqualTo(AdversaryRun.NAT));
        assertThat(report.firstMitigationMillis()).as("it was challenged").isNotNegative();
    }

    @Test
    void without_an_admin_token_the_classes_that_need_one_say_they_were_skipped() throws Exception {
        List<AdversaryReport> reports = run(Adversary.BLOCKED_VERIFIER, Adversary.PATH_TRICKS);

        assertThat(reports).allSatisfy(r -> assertThat(r.detail()).startsWith("skipped: no admin token"));
        assertThat(seen).isEmpty();
    }
}
