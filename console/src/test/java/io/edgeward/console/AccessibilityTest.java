package io.edgeward.console;

import static io.edgeward.console.support.InMemoryFigures.detection;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.console.figures.Dimension;
import io.edgeward.console.figures.TopEntry;
import io.edgeward.console.support.ConsoleClient;
import io.edgeward.console.support.ConsoleFixture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What keyboard and screen-reader users need from the markup itself (the browser test covers the rest). */
class AccessibilityTest {

    private static final Pattern FIELD = Pattern.compile("<(input|select)\\b([^>]*)>");
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");
    private static final Pattern SVG = Pattern.compile("<svg\\b([^>]*)>");

    private final ConsoleFixture console = new ConsoleFixture();

    @AfterEach
    void close() {
        console.close();
    }

    @Test
    void every_field_has_a_label_every_chart_a_text_alternative_and_every_page_a_skip_link() {
        console.figures.detections.add(detection(Instant.now(), "scraping.breadth", "ip", "203.0.113.7", "r",
                Map.of(), null, "x"));
        console.figures.top.put(Dimension.PATH, List.of(new TopEntry("/a", 3)));
        console.protector.seed("decisions", "ip", "203.0.113.7", "block", "r", 1);
        ConsoleClient operator = console.signedIn();
        for (String path : List.of("/console/", "/console/detections", "/console/decisions",
                "/console/explain?kind=address&value=203.0.113.7", "/console/challenges", "/console/policy")) {
            String page = operator.get(path).body();
            assertThat(page).as(path).contains("<a class=\"skip\" href=\"#main\">", "<main id=\"main\"",
                    "<html lang=\"en\">", "aria-current=\"page\"");
            assertThat(unlabelledFields(page)).as(path).isEmpty();
            Matcher svg = SVG.matcher(page);
            while (svg.find()) {
                assertThat(svg.group(1)).as(path).containsAnyOf("role=\"img\"", "aria-hidden=\"true\"");
            }
            assertThat(page).as(path).doesNotContain("<div onclick", "tabindex=\"1\"", "<a>");
        }
        assertThat(unlabelledFields(console.client().get("/console/login").body())).isEmpty();
    }

    @Test
    void only_the_current_nav_entry_is_marked_current() {
        String page = console.signedIn().get("/console/policy").body();
        assertThat(page).contains("id=\"nav-policy\" href=\"/console/policy\" aria-current=\"page\"");
        assertThat(page).contains("id=\"nav-overview\" href=\"/console/\">");
    }

    private static List<String> unlabelledFields(String page) {
        List<String> missing = new ArrayList<>();
        Matcher field = FIELD.matcher(page);
        while (field.find()) {
            String attributes = field.group(2);
            if (attributes.contains("type=\"hidden\"")) {
                continue;
            }
            Matcher id = ID.matcher(attributes);
            if (!id.find() || !page.contains("<label for=\"" + id.group(1) + "\"")
                    && !page.contains("for=\"" + id.group(1) + "\">")) {
                missing.add(field.group());
            }
        }
        return missing;
    }
}
