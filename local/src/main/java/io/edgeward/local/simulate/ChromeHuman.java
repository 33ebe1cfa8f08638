package io.edgeward.local.simulate;

import java.time.Duration;
import java.util.Map;
import java.util.Random;

/**
 * A person with the attackers' Chrome: browses with assets, searches, logs in with the documented test account,
 * thinks between pages, and solves a challenge as their browser would. Every third one shares the NAT address of
 * the session-holding bots. The report names each person who was ever challenged or blocked.
 */
final class ChromeHuman {

    static final String EMAIL = "shopper@example.com";
    static final String PASSWORD = "correct horse battery staple";

    private final AdversaryRun run;
    private final Random random;
    private final String name;
    private final SimulatedVisitor v;

    ChromeHuman(AdversaryRun run, int index, Random random) {
        this.run = run;
        this.random = random;
        boolean nat = index % 3 == 0;
        this.name = "h" + index + (nat ? "@nat" : "");
        this.v = run.visitor(nat ? AdversaryRun.NAT : "100.64." + (index / 250) + "." + (index % 250 + 1), true);
        run.timeline().count("people");
    }

    void play() {
        while (run.running()) {
            look("/");
            int pages = 2 + random.nextInt(4);
            for (int n = 0; n < pages && run.running(); n++) {
                look("/products/" + (1 + random.nextInt(8)));
            }
            if (random.nextBoolean()) {
                look("/search?q=" + (random.nextBoolean() ? "socks" : "jacket"));
            }
            if (random.nextInt(3) == 0 && run.running()) {
                look("/login");
                SimulatedVisitor.Answer a = v.postForm("/login", Map.of("email", EMAIL, "password", PASSWORD),
                        SimulatedVisitor.HTML);
                handle(a, "/login");
            }
            run.pause(Duration.ofSeconds(5 + random.nextInt(10)));
        }
    }

    private void look(String page) {
        handle(v.pageAnswer(page, Adversary.assetsOf(page)), page);
        run.pause(Duration.ofMillis(1000 + random.nextInt(3000)));
    }

    private void handle(SimulatedVisitor.Answer a, String page) {
        if (!a.mitigated()) {
            return;
        }
        run.timeline().mitigatedClient(name, a.action() + " at " + page);
        if ("challenge".equals(a.action())) {
            ProofOfWork.offer(a.body()).ifPresent(offer -> run.timeline()
                    .count(ProofOfWork.solveAndPost(v, offer) ? "solved" : "refused"));
        }
    }

    static String detail(Timeline t) {
        Map<String, String> people = t.mitigatedClients();
        StringBuilder which = new StringBuilder();
        people.forEach((person, first) -> which.append(which.length() == 0 ? "" : ", ")
                .append(person).append(" (").append(first).append(')'));
        return "people ever challenged or blocked: " + people.size() + " of " + t.counter("people")
                + (people.isEmpty() ? "" : ": " + which + "; challenges solved " + t.counter("solved"));
    }
}
