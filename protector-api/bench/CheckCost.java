import io.edgeward.protector.check.CheckRequest;
import io.edgeward.protector.check.CheckService;
import io.edgeward.protector.decision.Action;
import io.edgeward.protector.decision.Decision;
import io.edgeward.protector.decision.DecisionStore;
import io.edgeward.protector.decision.ListKind;
import io.edgeward.protector.decision.Scope;
import io.edgeward.protector.goodbots.GoodBotSettings;
import io.edgeward.protector.goodbots.GoodBotVerifier;
import io.edgeward.protector.goodbots.SystemDnsResolver;
import io.edgeward.protector.policy.Policy;
import io.edgeward.protector.policy.PolicyLoader;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

/**
 * CPU cost of one in-memory check (CheckService, no HTTP), in thread CPU time so a loaded machine distorts
 * it less than wall time. 11,000 stored decisions, the default policy, 1,000 browser requests cycled.
 * Run (source launcher): java -cp "target/classes:$(cat target/test-classpath.txt)" bench/CheckCost.java
 */
public class CheckCost {
    public static void main(String[] args) {
        Clock clock = Clock.systemUTC();
        DecisionStore store = new DecisionStore(clock);
        Instant now = clock.instant();
        Instant expires = now.plusSeconds(86_400);
        for (int i = 0; i < 10_000; i++) {
            store.put(new Decision("i" + i, ListKind.DECISION, Scope.IP, "10." + (i / 250 % 256) + "." + (i % 250) + ".1",
                    Action.BLOCK, "r", "bench", now, expires));
        }
        for (int i = 0; i < 1_000; i++) {
            store.put(new Decision("c" + i, ListKind.DECISION, Scope.CIDR, "172." + (16 + i / 256 % 16) + "." + (i % 256) + ".0/24",
                    Action.CHALLENGE, "r", "bench", now, expires));
        }
        Policy policy = PolicyLoader.loadDefault();
        GoodBotVerifier goodBots = new GoodBotVerifier(policy.goodBots(), new SystemDnsResolver(), clock, GoodBotSettings.defaults());
        CheckService service = new CheckService(store, goodBots, policy.requestRules(), clock, Duration.ofSeconds(60));
        Map<String, String> headers = Map.of("accept", "text/html", "accept-language", "de", "sec-fetch-mode", "navigate");
        String[] agents = {
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
                "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
                "curl/8.5.0"};
        CheckRequest[] requests = new CheckRequest[1_000];
        Random random = new Random(1);
        for (int i = 0; i < requests.length; i++) {
            requests[i] = new CheckRequest("203.0." + random.nextInt(256) + "." + (1 + random.nextInt(254)),
                    agents[i % agents.length], "s" + i, "stale", false, "shop.example", "GET", "/p", null, "DE", null,
                    "t13d1516h2_8daaf6152771_02713d6af862", null, headers);
        }
        var threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int round = 0; round < 8; round++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            for (int k = 0; k < 1_000_000; k++) {
                sink += service.check(requests[k % requests.length]).ttl();
            }
            long cpu1 = threads.getCurrentThreadCpuTime();
            System.out.printf("round %d: %.2f us CPU per check%n", round, (cpu1 - cpu0) / 1e3 / 1_000_000);
        }
        System.out.println("(checksum " + sink + ")");
        goodBots.close();
    }
}
