package io.edgeward.backtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A labels file: one {@code actor,label} per line (an actor is a session id or a client address, as the report
 * names them), {@code human} or {@code bot}; blank lines, {@code #} comments and an {@code actor,label} header are
 * skipped. A line that is none of these is an error naming the line.
 */
record Labels(Map<String, Boolean> isBot) {

    static Labels read(Path file) throws IOException {
        Map<String, Boolean> labels = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#") || text.equalsIgnoreCase("actor,label")) {
                    continue;
                }
                int comma = text.lastIndexOf(',');
                String label = comma < 0 ? "" : text.substring(comma + 1).strip().toLowerCase(Locale.ROOT);
                String actor = comma < 0 ? "" : text.substring(0, comma).strip();
                if (actor.isEmpty() || !(label.equals("human") || label.equals("bot"))) {
                    throw new IllegalArgumentException(file + " line " + n + ": expected actor,human or actor,bot,"
                            + " was " + text);
                }
                labels.put(actor, label.equals("bot"));
            }
        }
        return new Labels(labels);
    }
}
